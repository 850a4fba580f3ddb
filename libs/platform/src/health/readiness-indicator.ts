import type { HealthIndicatorResult } from '@nestjs/terminus';

/** A dependency the service needs to do its job; `/health/ready` asks each one. */
export abstract class ReadinessIndicator {
  abstract check(): Promise<HealthIndicatorResult>;
}
