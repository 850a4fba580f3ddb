import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { createRedisClient, RedisConnectionOptions } from './redis.factory';

/** The service's Redis client (one logical database per service, see ARCHITECTURE.md). */
export abstract class RedisClient extends Redis {}

export const RATE_LIMIT_REDIS = 'RATE_LIMIT_REDIS';

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(RedisClient) private readonly client: Redis, @Inject(RATE_LIMIT_REDIS) private readonly rateLimitClient: Redis) {}

  onApplicationShutdown(): void {
    this.client.disconnect();
    if (this.rateLimitClient !== this.client) this.rateLimitClient.disconnect();
  }
}

@Global()
@Module({})
export class RedisModule {
  /** `cache` is the service's own database; rate limits live in db 0 shared by every service. */
  static forRoot(options: { url: string; keyPrefix: string; cacheDb: number; rateLimitDb?: number }): DynamicModule {
    const cache: RedisConnectionOptions = { url: options.url, db: options.cacheDb, keyPrefix: options.keyPrefix };
    const rateLimitDb = options.rateLimitDb ?? 0;
    return {
      module: RedisModule,
      providers: [
        { provide: RedisClient, useFactory: () => createRedisClient(cache) },
        {
          provide: RATE_LIMIT_REDIS,
          useFactory: (client: Redis) =>
            rateLimitDb === options.cacheDb ? client : createRedisClient({ ...cache, db: rateLimitDb }),
          inject: [RedisClient],
        },
        RedisShutdown,
      ],
      exports: [RedisClient, RATE_LIMIT_REDIS],
    };
  }
}
