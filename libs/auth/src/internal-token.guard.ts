import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ApiException, secretsEqual } from '@vms/platform';

export const INTERNAL_TOKEN_HEADER = 'x-internal-token';

/** The shared secret service-to-service calls present in `X-Internal-Token`. */
export abstract class InternalTokenSecret {
  abstract value: string;
}

/** Guards internal endpoints (service to service); combine with `@Public()` so no JWT is needed. */
@Injectable()
export class InternalTokenGuard implements CanActivate {
  constructor(private readonly secret: InternalTokenSecret) {}

  canActivate(context: ExecutionContext): boolean {
    const presented = context.switchToHttp().getRequest<Request>().header(INTERNAL_TOKEN_HEADER) ?? '';
    if (secretsEqual(presented, this.secret.value)) return true;
    throw new ApiException(401, 'AUTH.INTERNAL_TOKEN_INVALID', 'A valid internal service token is required');
  }
}
