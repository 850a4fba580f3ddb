import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AiDetectionEnv } from '../../ai-detection.env';
import { AiCameraSet } from '../../cameras/application/ai-camera-set';
import { DetectionRecorder, NotableEvent, toXywh } from '../../detections/application/detection-recorder';
import type { Frame } from '../../frames/frame';
import type { RawDetection } from '../../model/detector.port';
import { IouTracker } from '../../tracking/domain/iou-tracker';
import { postProcess } from '../domain/post-process';
import { PipelineMetrics } from '../infrastructure/pipeline.metrics';
import { FrameSource } from './frame-source';
import { HlsUrlSigner, TOKEN_RENEW_MS } from './hls-url-signer';
import { LatestBoxesCache } from './latest-boxes';
import { ModelHolder } from './model-holder';

const IDLE_POLL_MS = 100;

/**
 * The detection loop: keeps one decoder per AI-enabled camera, takes the newest frame of each,
 * runs them through the model in batches, post-processes per camera (NMS, classes, confidence,
 * ROI), tracks objects, caches the latest boxes and records an event when a track appears or
 * changes class.
 */
@Injectable()
export class DetectionPipeline implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DetectionPipeline.name);
  private readonly trackers = new Map<string, IouTracker>();
  private readonly recordings = new Set<Promise<void>>();
  private stopped = false;
  private loop: Promise<void> | null = null;
  private renewTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly cameras: AiCameraSet,
    private readonly frames: FrameSource,
    private readonly model: ModelHolder,
    private readonly recorder: DetectionRecorder,
    private readonly latest: LatestBoxesCache,
    private readonly urls: HlsUrlSigner,
    private readonly metrics: PipelineMetrics,
    private readonly env: AiDetectionEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.cameras.onChange(() => this.syncDecoders());
    this.model.onLoaded(() => this.syncDecoders());
    this.syncDecoders();
    this.renewTimer = setInterval(() => this.syncDecoders(), TOKEN_RENEW_MS / 4);
    this.renewTimer.unref();
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.renewTimer) clearInterval(this.renewTimer);
    await this.loop;
    await Promise.all(this.recordings);
    this.frames.unwatchAllExcept([]);
  }

  /** Decoders follow the camera set: one per AI-enabled camera, none while there is no model. */
  syncDecoders(): void {
    const detector = this.model.detector;
    const wanted = detector ? this.cameras.all() : [];
    for (const camera of wanted) this.frames.watch(camera.cameraId, this.urls.urlFor(camera.streamPath), detector!.info.frameFormat);
    const ids = wanted.map((camera) => camera.cameraId);
    this.frames.unwatchAllExcept(ids);
    for (const cameraId of [...this.trackers.keys()]) if (!ids.includes(cameraId)) this.trackers.delete(cameraId);
    this.metrics.cameras.set(ids.length);
  }

  /** One pass over whatever frames are waiting; returns how many were inferred. */
  async processPending(): Promise<number> {
    const detector = this.model.detector;
    if (!detector) return 0;
    const frames = this.frames.takeLatest().filter((frame) => this.cameras.get(frame.cameraId));
    this.metrics.queueDepth.set(frames.length);
    for (const decoder of this.frames.stats()) {
      this.metrics.framesDecoded.set({ camera: decoder.cameraId }, decoder.framesDecoded);
      this.metrics.framesDropped.set({ camera: decoder.cameraId }, decoder.framesDropped);
    }
    for (let start = 0; start < frames.length; start += detector.info.maxBatch) {
      const batch = frames.slice(start, start + detector.info.maxBatch);
      let results: RawDetection[][];
      try {
        results = await detector.detect(batch, this.env.AI_MIN_SCORE);
      } catch (error) {
        this.logger.warn(`inference failed for ${batch.length} frame(s): ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      for (let index = 0; index < batch.length; index++) await this.handleFrame(batch[index], results[index]);
    }
    return frames.length;
  }

  private async handleFrame(frame: Frame, candidates: RawDetection[]): Promise<void> {
    const camera = this.cameras.get(frame.cameraId);
    if (!camera) return;
    this.metrics.framesInferred.inc({ camera: frame.cameraId });
    this.metrics.frameLagSeconds.set({ camera: frame.cameraId }, (Date.now() - frame.capturedAt) / 1000);
    const kept = postProcess(candidates, camera.settings, this.env.AI_NMS_IOU);
    const update = this.trackerOf(frame.cameraId).update(kept, frame.capturedAt);
    await this.latest.put({
      cameraId: frame.cameraId,
      timestamp: new Date(frame.capturedAt).toISOString(),
      frameId: `${frame.cameraId}:${frame.capturedAt}`,
      detections: update.tracked.map((detection) => ({
        class: detection.label,
        confidence: Math.round(detection.score * 1000) / 1000,
        bbox: toXywh(detection.box),
        trackId: detection.trackId,
      })),
    });
    const notable = update.events.filter((event): event is NotableEvent => event.kind === 'appeared' || event.kind === 'class-changed');
    if (notable.length === 0) return;
    // Recording (snapshot encoding, the database) runs beside the loop so inference keeps its pace;
    // the recorder stores events without a snapshot when encodings pile up.
    const recording = this.recorder
      .record(frame, update.tracked, notable)
      .then(() => notable.forEach((event) => this.metrics.events.inc({ class: event.label })))
      .catch((error: unknown) =>
        this.logger.error(`detections of camera ${frame.cameraId} not recorded: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => this.recordings.delete(recording));
    this.recordings.add(recording);
  }

  private trackerOf(cameraId: string): IouTracker {
    let tracker = this.trackers.get(cameraId);
    if (!tracker) {
      tracker = new IouTracker();
      this.trackers.set(cameraId, tracker);
    }
    return tracker;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const processed = await this.processPending().catch((error: unknown) => {
        this.logger.error(`pipeline pass failed: ${String(error)}`);
        return 0;
      });
      if (processed === 0) await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
    }
  }
}
