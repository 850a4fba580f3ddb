import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vms/auth';
import { DashboardService } from '../application/dashboard.service';
import { DashboardStatsResponse } from './dashboard.dto';

@ApiTags('dashboard')
@ApiBearerAuth('bearer')
@ApiSecurity('api-key')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Roles('admin', 'operator', 'integrator')
  @Get('stats')
  stats(): Promise<DashboardStatsResponse> {
    return this.dashboard.stats();
  }
}
