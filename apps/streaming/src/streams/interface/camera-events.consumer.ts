import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateOrReject } from 'class-validator';
import { CameraChangedV1, CameraDeletedV1, EventEnvelope, RoutingKeys } from '@vms/contracts';
import { EventConsumer, RabbitMqConnection } from '@vms/platform';
import { CameraDirectory } from '../application/camera-directory';
import { ProvisioningService } from '../application/provisioning.service';

export const CAMERA_EVENTS_QUEUE = 'streaming.camera-events';

/**
 * Follows `camera.*` events. Idempotent by construction: provisioning replaces the path with the
 * camera's current configuration (fetched from the api, credentials included) and a revision
 * older than the one applied is ignored.
 */
@Injectable()
export class CameraEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CameraEventsConsumer.name);
  private readonly consumer: EventConsumer;

  constructor(
    rabbit: RabbitMqConnection,
    private readonly directory: CameraDirectory,
    private readonly provisioning: ProvisioningService,
  ) {
    this.consumer = new EventConsumer(
      rabbit,
      { queue: CAMERA_EVENTS_QUEUE, routingKeys: [RoutingKeys.cameraCreated, RoutingKeys.cameraUpdated, RoutingKeys.cameraDeleted] },
      (envelope) => this.handle(envelope),
    );
  }

  onApplicationBootstrap(): void {
    // Not awaited: the service must come up (and serve health) even while RabbitMQ is away.
    this.consumer.start().catch((error: unknown) => this.logger.warn(`camera events consumer not started: ${String(error)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }

  private async handle(envelope: EventEnvelope): Promise<void> {
    if (envelope.type === RoutingKeys.cameraDeleted) {
      const data = plainToInstance(CameraDeletedV1, envelope.data);
      await validateOrReject(data);
      await this.provisioning.deprovision(data.cameraId, data.streamPath);
      return;
    }
    const data = plainToInstance(CameraChangedV1, envelope.data);
    await validateOrReject(data);
    const camera = await this.directory.getCamera(data.cameraId);
    if (!camera) {
      await this.provisioning.deprovision(data.cameraId, data.streamPath);
      return;
    }
    await this.provisioning.provision(camera);
  }
}
