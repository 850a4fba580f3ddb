import { DynamicModule, Module, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseIndicator } from './database.indicator';
import { HealthController, READINESS_INDICATORS } from './health.controller';
import { RabbitMqIndicator } from './rabbitmq.indicator';
import { ReadinessIndicator } from './readiness-indicator';
import { RedisIndicator } from './redis.indicator';

const KNOWN = { database: DatabaseIndicator, redis: RedisIndicator, rabbitmq: RabbitMqIndicator } as const;

/** `/health` (liveness) and `/health/ready` (the named dependencies plus the app's own indicators). */
@Module({})
export class HealthModule {
  static forRoot(options: { checks: (keyof typeof KNOWN)[]; extra?: Type<ReadinessIndicator>[]; imports?: DynamicModule['imports'] }): DynamicModule {
    const indicators: Type<ReadinessIndicator>[] = [...options.checks.map((name) => KNOWN[name]), ...(options.extra ?? [])];
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [
        ...indicators,
        { provide: READINESS_INDICATORS, useFactory: (...resolved: ReadinessIndicator[]) => resolved, inject: indicators },
      ],
    };
  }
}
