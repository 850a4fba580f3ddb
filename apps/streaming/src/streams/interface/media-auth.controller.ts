import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '@vms/auth';
import { ApiException } from '@vms/platform';
import { MediaAuthorizer, MediaAuthRequest } from '../application/media-authorizer.service';

/** MediaMTX asks here before every read, publish and API call (internal network only). */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller('internal/auth')
export class MediaAuthController {
  constructor(private readonly authorizer: MediaAuthorizer) {}

  @Post()
  @HttpCode(200)
  // A plain interface on purpose: MediaMTX may add fields, and an unknown field must not turn into a denial.
  authorize(@Body() body: MediaAuthRequest): { allowed: true } {
    if (!this.authorizer.allows(body)) throw new ApiException(401, 'STREAM.ACCESS_DENIED', 'Access denied');
    return { allowed: true };
  }
}
