import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { RATE_LIMIT_REDIS } from '../redis/redis.module';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';

export const SKIP_RATE_LIMIT = { default: true } as const;

/** Redis-backed per-principal rate limit applied to every route of the app (opt out with `@SkipThrottle()`). */
@Module({})
export class RateLimitModule {
  static forRoot(options: { limitPerMinute: number; scope: string }): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRootAsync({
          inject: [RATE_LIMIT_REDIS],
          useFactory: (redis: Redis) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: options.limitPerMinute }],
            storage: new RedisThrottlerStorage(redis),
            generateKey: (_context, tracker) => `${options.scope}:${tracker}`,
          }),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
    };
  }
}
