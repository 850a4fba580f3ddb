import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { JwtAuthModule } from '@vms/auth';
import {
  HealthModule, MessagingModule, MetricsModule, PlatformConfigModule, PlatformLoggerModule, RateLimitModule, RedisModule,
  validateEnv,
} from '@vms/platform';
import { StreamingEnv } from './streaming.env';
import { StreamsModule } from './streams/streams.module';

export const STREAMING_SERVICE_NAME = 'streaming';

export interface StreamingModuleOptions {
  env?: Record<string, unknown>;
  logDestination?: DestinationStream;
}

@Module({})
export class StreamingModule {
  static forRoot(options: StreamingModuleOptions = {}): DynamicModule {
    const rawEnv = options.env ?? process.env;
    const env = validateEnv(StreamingEnv, rawEnv);
    return {
      module: StreamingModule,
      imports: [
        PlatformConfigModule.forRoot(StreamingEnv, rawEnv),
        PlatformLoggerModule.forRoot({ service: STREAMING_SERVICE_NAME, level: env.LOG_LEVEL, destination: options.logDestination }),
        RedisModule.forRoot({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, cacheDb: env.REDIS_CACHE_DB, rateLimitDb: env.REDIS_RATE_LIMIT_DB }),
        MessagingModule.forRoot({ url: env.RABBITMQ_URL, serviceName: STREAMING_SERVICE_NAME }),
        RateLimitModule.forRoot({ limitPerMinute: env.RATE_LIMIT_PER_MINUTE, scope: 'streaming' }),
        JwtAuthModule.forRoot({ secret: env.JWT_SECRET, issuer: env.JWT_ISSUER }),
        HealthModule.forRoot({ checks: ['redis', 'rabbitmq'] }),
        MetricsModule,
        StreamsModule,
      ],
    };
  }
}
