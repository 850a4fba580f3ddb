import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { BearerSubjectVerifier } from '@vms/platform';
import { AuthenticationGuard } from './authentication.guard';
import { JwtAuthOptions } from './jwt-auth.options';
import { JwtBearerSubjectVerifier } from './jwt-bearer-subject.verifier';
import { JwtStrategy } from './jwt.strategy';
import { RolesGuard } from './roles.guard';

/**
 * JWT verification for every app: a global authentication guard, then the roles guard.
 * Register it after the rate-limit module so limits apply before authentication.
 */
@Global()
@Module({})
export class JwtAuthModule {
  static forRoot(options: { secret: string; issuer: string; accessTokenTtlSeconds?: number }): DynamicModule {
    return {
      module: JwtAuthModule,
      imports: [
        PassportModule,
        JwtModule.register({
          secret: options.secret,
          signOptions: { issuer: options.issuer, algorithm: 'HS256', expiresIn: options.accessTokenTtlSeconds ?? 900 },
          verifyOptions: { issuer: options.issuer, algorithms: ['HS256'] },
        }),
      ],
      providers: [
        { provide: JwtAuthOptions, useValue: { secret: options.secret, issuer: options.issuer } },
        JwtStrategy,
        { provide: BearerSubjectVerifier, useClass: JwtBearerSubjectVerifier },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [JwtModule, BearerSubjectVerifier],
    };
  }
}
