import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vms/auth';
import { UuidParam } from '@vms/platform';
import { SnapshotService } from '../application/snapshot.service';

@ApiTags('streams')
@ApiBearerAuth('bearer')
@Roles('admin', 'operator')
@Controller('cameras')
export class CameraSnapshotController {
  constructor(private readonly snapshots: SnapshotService) {}

  /** A current frame of the camera, at most 1280 pixels wide (for drawing regions of interest over it). */
  @Get(':id/snapshot')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('image/jpeg')
  @ApiOkResponse({ description: 'JPEG image', content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } } })
  async snapshot(@Param('id', UuidParam) id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.snapshots.snapshot(id), { type: 'image/jpeg' });
  }
}
