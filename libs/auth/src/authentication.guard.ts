import { ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { ApiException, IS_PUBLIC } from '@vms/platform';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import type { Principal } from './principal';

/**
 * Global guard: `@Public()` routes pass; otherwise an `X-API-Key` (when the app knows keys)
 * or a valid bearer token is required. Failures carry stable `AUTH.*` codes.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector, @Optional() @Inject(ApiKeyAuthenticator) private readonly apiKeys: ApiKeyAuthenticator | null) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const apiKey = request.header('x-api-key');
    if (apiKey !== undefined) {
      const principal = this.apiKeys ? await this.apiKeys.authenticate(apiKey) : null;
      if (!principal) throw new ApiException(401, 'AUTH.API_KEY_INVALID', 'The API key is invalid or revoked');
      request.user = principal;
      return true;
    }
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, principal: T, info: unknown): T {
    if (principal && !error) return principal;
    const reason = info instanceof Error ? info : null;
    if (reason?.name === 'TokenExpiredError') {
      throw new ApiException(401, 'AUTH.TOKEN_EXPIRED', 'The access token has expired; refresh it');
    }
    if (reason && reason.message === 'No auth token') {
      throw new ApiException(401, 'AUTH.UNAUTHENTICATED', 'Authentication is required');
    }
    throw new ApiException(401, 'AUTH.TOKEN_INVALID', 'The access token is invalid');
  }
}
