import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventEnvelope, RoutingKeys } from '@vms/contracts';
import { EventConsumer, RabbitMqConnection } from '@vms/platform';
import { AiCameraSet } from '../application/ai-camera-set';
import { AiCameraSource } from '../application/camera-source';
import { AiDetectionEnv } from '../../ai-detection.env';

export const AI_CAMERA_EVENTS_QUEUE = 'ai-detection.camera-events';

/**
 * Keeps the AI camera set current without restarts: `camera.*` events (the camera's current
 * settings are read from the api), plus a full sync at start and every AI_CAMERA_SYNC_SECONDS.
 */
@Injectable()
export class AiCameraEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AiCameraEventsConsumer.name);
  private readonly consumer: EventConsumer;
  private syncTimer: NodeJS.Timeout | null = null;

  constructor(
    rabbit: RabbitMqConnection,
    private readonly source: AiCameraSource,
    private readonly cameras: AiCameraSet,
    private readonly env: AiDetectionEnv,
  ) {
    this.consumer = new EventConsumer(
      rabbit,
      { queue: AI_CAMERA_EVENTS_QUEUE, routingKeys: [RoutingKeys.cameraCreated, RoutingKeys.cameraUpdated, RoutingKeys.cameraDeleted] },
      (envelope) => this.handle(envelope),
    );
  }

  onApplicationBootstrap(): void {
    this.consumer.start().catch((error: unknown) => this.logger.warn(`camera events consumer not started: ${String(error)}`));
    void this.sync();
    this.syncTimer = setInterval(() => void this.sync(), this.env.AI_CAMERA_SYNC_SECONDS * 1000);
    this.syncTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.syncTimer) clearInterval(this.syncTimer);
    await this.consumer.stop();
  }

  async sync(): Promise<void> {
    try {
      this.cameras.replaceAll(await this.source.listAiCameras());
    } catch (error) {
      this.logger.warn(`camera sync failed, will retry: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async handle(envelope: EventEnvelope): Promise<void> {
    const data = envelope.data as { cameraId?: unknown; revision?: unknown };
    if (typeof data.cameraId !== 'string') throw new Error('camera event without cameraId');
    if (envelope.type === RoutingKeys.cameraDeleted) {
      this.cameras.remove(data.cameraId);
      return;
    }
    const camera = await this.source.getAiCamera(data.cameraId);
    if (camera) this.cameras.put(camera);
    else this.cameras.remove(data.cameraId, typeof data.revision === 'number' ? data.revision : undefined);
  }
}
