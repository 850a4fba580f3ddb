import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RedisClient } from '../redis/redis.module';
import { ReadinessIndicator } from './readiness-indicator';

@Injectable()
export class RedisIndicator extends ReadinessIndicator {
  constructor(private readonly redis: RedisClient, private readonly indicators: HealthIndicatorService) {
    super();
  }

  async check() {
    const indicator = this.indicators.check('redis');
    try {
      await this.redis.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
