import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../http/public.decorator';
import { ReadinessIndicator } from './readiness-indicator';

export const READINESS_INDICATORS = 'READINESS_INDICATORS';

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_INDICATORS) private readonly indicators: ReadinessIndicator[],
  ) {}

  /** Liveness: the process answers. */
  @Get(['health', 'api/health'])
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: every dependency answers. */
  @Get(['health/ready', 'api/health/ready'])
  @HealthCheck()
  async ready() {
    const result = await this.health.check(this.indicators.map((indicator) => () => indicator.check()));
    // A dependency that answers but cannot do its full job (e.g. no AI model) makes the service degraded, not down.
    const degraded = Object.values(result.info ?? {}).some((entry) => (entry as { degraded?: boolean }).degraded === true);
    return degraded ? { ...result, status: 'degraded' } : result;
  }
}
