import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnv } from './validate-env';

/** Validates the environment once at boot and provides it as a typed injectable class. */
@Global()
@Module({})
export class PlatformConfigModule {
  static forRoot<T extends object>(schema: new () => T, env: Record<string, unknown> = process.env): DynamicModule {
    const config = validateEnv(schema, env);
    return {
      module: PlatformConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, validate: () => config as Record<string, unknown> })],
      providers: [{ provide: schema, useValue: config }],
      exports: [schema],
    };
  }
}
