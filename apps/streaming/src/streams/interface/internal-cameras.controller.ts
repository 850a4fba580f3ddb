import { Body, Controller, Delete, HttpCode, Param, Put, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { InternalTokenGuard, Public } from '@vms/auth';
import { ApiException, UuidParam } from '@vms/platform';
import { ProvisioningService } from '../application/provisioning.service';
import { StreamUrlsService } from '../application/stream-urls.service';
import { ProvisionCameraDto, ProvisionedResponse } from './internal-cameras.dto';

/** Called by the api on camera create/update/delete (idempotent). */
@ApiExcludeController()
@Public()
@SkipThrottle()
@UseGuards(InternalTokenGuard)
@Controller('internal/cameras')
export class InternalCamerasController {
  constructor(private readonly provisioning: ProvisioningService, private readonly urls: StreamUrlsService) {}

  @Put(':id')
  async provision(@Param('id', UuidParam) id: string, @Body() body: ProvisionCameraDto): Promise<ProvisionedResponse> {
    if (body.cameraId !== id) throw new ApiException(400, 'VALIDATION.FAILED', 'cameraId does not match the URL', [{ field: 'cameraId', message: 'must equal the id in the URL' }]);
    await this.provisioning.provision({ ...body, source: { url: body.source.url, credentials: body.source.credentials ?? null } });
    return { streamPath: body.streamPath, urls: this.urls.publicUrls(body.streamPath) };
  }

  @Delete(':id')
  @HttpCode(204)
  async deprovision(@Param('id', UuidParam) id: string): Promise<void> {
    await this.provisioning.deprovision(id, `cam_${id}`);
  }
}
