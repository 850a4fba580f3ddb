import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import { JwtAuthModule } from '@vms/auth';
import {
  HealthModule, MessagingModule, MetricsModule, OutboxModule, PlatformConfigModule, PlatformLoggerModule, RateLimitModule,
  RedisModule, validateEnv,
} from '@vms/platform';
import { ApiEnv } from './api.env';
import { AuthModule } from './auth/auth.module';
import { CamerasModule } from './cameras/cameras.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { apiDataSourceOptions } from './database/api-data-source.options';
import { DetectionsModule } from './detections/detections.module';
import { EventsGatewayModule } from './events-gateway/events-gateway.module';
import { MosaicsModule } from './mosaics/mosaics.module';
import { UsersModule } from './users/users.module';

export const API_SERVICE_NAME = 'api';

export interface ApiModuleOptions {
  env?: Record<string, unknown>;
  logDestination?: DestinationStream;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions = {}): DynamicModule {
    const env = validateEnv(ApiEnv, options.env ?? process.env);
    return {
      module: ApiModule,
      imports: [
        PlatformConfigModule.forRoot(ApiEnv, options.env ?? process.env),
        PlatformLoggerModule.forRoot({ service: API_SERVICE_NAME, level: env.LOG_LEVEL, destination: options.logDestination }),
        TypeOrmModule.forRoot({ ...apiDataSourceOptions(env.DATABASE_URL), migrationsRun: env.DATABASE_MIGRATIONS_RUN }),
        RedisModule.forRoot({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, cacheDb: env.REDIS_CACHE_DB, rateLimitDb: env.REDIS_RATE_LIMIT_DB }),
        MessagingModule.forRoot({ url: env.RABBITMQ_URL, serviceName: API_SERVICE_NAME }),
        OutboxModule.forRoot({ serviceName: API_SERVICE_NAME }),
        RateLimitModule.forRoot({ limitPerMinute: env.RATE_LIMIT_PER_MINUTE, scope: 'api' }),
        JwtAuthModule.forRoot({ secret: env.JWT_SECRET, issuer: env.JWT_ISSUER, accessTokenTtlSeconds: env.JWT_ACCESS_TTL_SECONDS }),
        HealthModule.forRoot({ checks: ['database', 'redis', 'rabbitmq'] }),
        MetricsModule,
        UsersModule,
        AuthModule,
        CamerasModule,
        MosaicsModule,
        EventsGatewayModule,
        DetectionsModule,
        DashboardModule,
      ],
    };
  }
}
