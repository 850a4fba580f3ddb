import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { InternalTokenGuard, Public } from '@vms/auth';
import { UuidParam } from '@vms/platform';
import { CamerasService } from '../application/cameras.service';
import type { StreamingCamera } from '../application/streaming-camera';

/**
 * Cameras with their credentials for the streaming service (its reconciler and event consumer).
 * Service to service only: `X-Internal-Token`, no user auth, no rate limit, not in OpenAPI, and
 * HAProxy answers 404 for `/api/internal/*` from outside.
 */
@ApiExcludeController()
@Public()
@SkipThrottle()
@UseGuards(InternalTokenGuard)
@Controller('internal/cameras')
export class InternalCamerasController {
  constructor(private readonly cameras: CamerasService) {}

  @Get()
  list(): Promise<StreamingCamera[]> {
    return this.cameras.listForStreaming();
  }

  @Get(':id')
  get(@Param('id', UuidParam) id: string): Promise<StreamingCamera> {
    return this.cameras.getForStreaming(id);
  }
}
