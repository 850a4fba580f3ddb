import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vms/auth';
import { DomainError, UuidParam } from '@vms/platform';
import { AiCameraSet } from '../../cameras/application/ai-camera-set';
import { FrameSource } from '../application/frame-source';
import { LatestBoxes, LatestBoxesCache } from '../application/latest-boxes';
import { ModelHolder } from '../application/model-holder';

@ApiTags('ai')
@ApiBearerAuth('bearer')
@ApiSecurity('api-key')
@Roles('admin', 'operator', 'integrator')
@Controller()
export class AiStatusController {
  constructor(
    private readonly model: ModelHolder,
    private readonly cameras: AiCameraSet,
    private readonly frames: FrameSource,
    private readonly latest: LatestBoxesCache,
  ) {}

  /** The model in use and each AI camera's decoder state. */
  @Get('status')
  status() {
    const detector = this.model.detector;
    const decoders = new Map(this.frames.stats().map((entry) => [entry.cameraId, entry]));
    return {
      model: detector
        ? { state: 'ready', name: detector.info.name, version: detector.info.version, provider: detector.info.executionProvider, maxBatch: detector.info.maxBatch }
        : { state: 'degraded', reason: this.model.unavailableReason },
      cameras: this.cameras.all().map((camera) => ({ ...(decoders.get(camera.cameraId) ?? { state: 'stopped' }), cameraId: camera.cameraId })),
    };
  }

  /** The boxes of the camera's most recent inferred frame (for overlays' first paint). */
  @Get('cameras/:id/latest')
  async latestBoxes(@Param('id', UuidParam) id: string): Promise<LatestBoxes> {
    const boxes = await this.latest.get(id);
    if (!boxes) throw new DomainError('DETECTION.NO_RECENT_FRAME', 'No recent inferred frame for this camera', 'not_found');
    return boxes;
  }
}
