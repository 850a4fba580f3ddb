import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ffprobeBeside } from '@vms/platform';
import { AiDetectionEnv } from '../ai-detection.env';
import { DecoderStats, FrameSource } from '../pipeline/application/frame-source';
import type { Frame, FrameFormat } from './frame';
import { FrameHub } from './frame-hub';

/** The pipeline's frame source: one ffmpeg HLS reader per camera through the FrameHub. */
@Injectable()
export class HubFrameSource extends FrameSource implements OnApplicationShutdown {
  private readonly logger = new Logger('FrameSource');
  private readonly hub: FrameHub;

  constructor(env: AiDetectionEnv) {
    super();
    this.hub = new FrameHub({
      ffmpegPath: env.FFMPEG_PATH,
      ffprobePath: ffprobeBeside(env.FFMPEG_PATH),
      logger: { log: (message) => this.logger.log(message), warn: (message) => this.logger.warn(message) },
    });
  }

  watch(cameraId: string, url: string, format: FrameFormat): void {
    this.hub.ensure(cameraId, url, format).catch((error: unknown) => this.logger.warn(`decoder of ${cameraId} not started: ${String(error)}`));
  }

  unwatchAllExcept(cameraIds: string[]): void {
    this.hub.removeAllExcept(cameraIds).catch((error: unknown) => this.logger.warn(`decoders not stopped: ${String(error)}`));
  }

  takeLatest(): Frame[] {
    return this.hub.takeLatest();
  }

  stats(): DecoderStats[] {
    return this.hub.stats().map((entry) => ({
      cameraId: entry.cameraId,
      state: entry.state,
      reason: entry.reason,
      framesDecoded: entry.decoded,
      framesDropped: entry.dropped,
      lastFrameAgeMs: entry.lastFrameAgeMs,
    }));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.hub.close();
  }
}
