import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { JwtAuthModule } from '@vms/auth';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  HealthModule, MessagingModule, MetricsModule, OutboxModule, PlatformConfigModule, PlatformLoggerModule, RateLimitModule,
  RedisModule, validateEnv,
} from '@vms/platform';
import { AiDetectionEnv } from './ai-detection.env';
import { aiDataSourceOptions, ensureSchema } from './database/ai-data-source.options';
import { ModelIndicator } from './pipeline/interface/model.indicator';
import { PipelineModule } from './pipeline/pipeline.module';

export const AI_DETECTION_SERVICE_NAME = 'ai-detection';

export interface AiDetectionModuleOptions {
  env?: Record<string, unknown>;
  logDestination?: DestinationStream;
}

@Module({})
export class AiDetectionModule {
  static forRoot(options: AiDetectionModuleOptions = {}): DynamicModule {
    const rawEnv = options.env ?? process.env;
    const env = validateEnv(AiDetectionEnv, rawEnv);
    return {
      module: AiDetectionModule,
      imports: [
        PlatformConfigModule.forRoot(AiDetectionEnv, rawEnv),
        PlatformLoggerModule.forRoot({ service: AI_DETECTION_SERVICE_NAME, level: env.LOG_LEVEL, destination: options.logDestination }),
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await ensureSchema(env.DATABASE_URL, env.AI_DB_SCHEMA);
            return { ...aiDataSourceOptions(env.DATABASE_URL, env.AI_DB_SCHEMA), migrationsRun: true };
          },
        }),
        RedisModule.forRoot({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, cacheDb: env.REDIS_CACHE_DB, rateLimitDb: env.REDIS_RATE_LIMIT_DB }),
        MessagingModule.forRoot({ url: env.RABBITMQ_URL, serviceName: AI_DETECTION_SERVICE_NAME }),
        OutboxModule.forRoot({ serviceName: AI_DETECTION_SERVICE_NAME }),
        RateLimitModule.forRoot({ limitPerMinute: env.RATE_LIMIT_PER_MINUTE, scope: 'ai-detection' }),
        JwtAuthModule.forRoot({ secret: env.JWT_SECRET, issuer: env.JWT_ISSUER }),
        HealthModule.forRoot({ checks: ['database', 'redis', 'rabbitmq'], extra: [ModelIndicator], imports: [PipelineModule] }),
        MetricsModule,
        PipelineModule,
      ],
    };
  }
}
