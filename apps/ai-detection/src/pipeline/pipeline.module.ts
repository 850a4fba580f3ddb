import { Module } from '@nestjs/common';
import { AiCameraSet } from '../cameras/application/ai-camera-set';
import { AiCameraSource } from '../cameras/application/camera-source';
import { ApiAiCameraSource } from '../cameras/infrastructure/api-ai-camera.source';
import { AiCameraEventsConsumer } from '../cameras/interface/ai-camera-events.consumer';
import { DetectionRecorder } from '../detections/application/detection-recorder';
import { DetectionStore } from '../detections/application/detection-store';
import { RetentionService } from '../detections/application/retention.service';
import { SnapshotWriter } from '../detections/application/snapshot-writer';
import { FfmpegSnapshotWriter } from '../detections/infrastructure/ffmpeg-snapshot.writer';
import { TypeormDetectionStore } from '../detections/infrastructure/typeorm-detection.store';
import { HubFrameSource } from '../frames/hub-frame-source';
import { DetectionPipeline } from './application/detection-pipeline.service';
import { FrameSource } from './application/frame-source';
import { HlsUrlSigner } from './application/hls-url-signer';
import { LatestBoxesCache } from './application/latest-boxes';
import { ModelHolder } from './application/model-holder';
import { PipelineMetrics } from './infrastructure/pipeline.metrics';
import { AiStatusController } from './interface/ai-status.controller';
import { RedisLatestBoxesCache } from './infrastructure/redis-latest-boxes.cache';

/** The AI detection service: camera set, decoders, model, post-processing, tracking, recording. */
@Module({
  controllers: [AiStatusController],
  providers: [
    AiCameraSet,
    AiCameraEventsConsumer,
    ModelHolder,
    PipelineMetrics,
    HlsUrlSigner,
    DetectionPipeline,
    DetectionRecorder,
    RetentionService,
    { provide: AiCameraSource, useClass: ApiAiCameraSource },
    { provide: FrameSource, useClass: HubFrameSource },
    { provide: LatestBoxesCache, useClass: RedisLatestBoxesCache },
    { provide: DetectionStore, useClass: TypeormDetectionStore },
    { provide: SnapshotWriter, useClass: FfmpegSnapshotWriter },
  ],
  exports: [ModelHolder, DetectionPipeline, RetentionService, AiCameraSet, LatestBoxesCache, AiCameraEventsConsumer],
})
export class PipelineModule {}
