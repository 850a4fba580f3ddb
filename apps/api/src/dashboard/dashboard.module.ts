import { Module } from '@nestjs/common';
import { CamerasModule } from '../cameras/cameras.module';
import { DetectionsModule } from '../detections/detections.module';
import { DashboardCache } from './application/dashboard-cache';
import { DashboardService } from './application/dashboard.service';
import { RedisDashboardCache } from './infrastructure/redis-dashboard.cache';
import { DashboardController } from './interface/dashboard.controller';

@Module({
  imports: [CamerasModule, DetectionsModule],
  controllers: [DashboardController],
  providers: [DashboardService, { provide: DashboardCache, useClass: RedisDashboardCache }],
})
export class DashboardModule {}
