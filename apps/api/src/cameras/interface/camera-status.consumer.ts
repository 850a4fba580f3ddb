import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CameraStatusChangedV1, EventEnvelope, RoutingKeys } from '@vms/contracts';
import { EventConsumer, IdempotentHandler, RabbitMqConnection } from '@vms/platform';
import { CameraStatusService } from '../application/camera-status.service';

export const CAMERA_STATUS_QUEUE = 'api.camera-status';

/**
 * Applies `camera.status.changed` from the streaming service. An invalid payload throws (retried,
 * then dead-lettered); an unknown camera or a report older than the stored status is acknowledged
 * without effect; a redelivered event is skipped (dedupe on the event id).
 */
@Injectable()
export class CameraStatusConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CameraStatusConsumer.name);
  private readonly consumer: EventConsumer;
  private started: Promise<void> = Promise.resolve();

  constructor(
    private readonly rabbit: RabbitMqConnection,
    private readonly idempotent: IdempotentHandler,
    private readonly statuses: CameraStatusService,
  ) {
    // One at a time: each event holds a connection for its dedupe row and another for the update.
    this.consumer = new EventConsumer(
      rabbit,
      { queue: CAMERA_STATUS_QUEUE, routingKeys: [RoutingKeys.cameraStatusChanged], prefetch: 1 },
      (envelope) => this.handle(envelope),
    );
  }

  onApplicationBootstrap(): void {
    // Not awaited: the api serves HTTP while RabbitMQ is away; the consumer attaches once it connects.
    this.started = this.consumer.start().catch((error: unknown) => this.logger.warn(`camera status consumer not started: ${String(error)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    // A channel closed halfway through its queue setup makes amqp-connection-manager emit an error
    // nobody listens to; connected, the setup takes milliseconds, so let it finish first.
    if (this.rabbit.isConnected()) await Promise.race([this.started, sleep(2000, undefined, { ref: false })]);
    await this.consumer.stop();
  }

  async handle(envelope: EventEnvelope): Promise<void> {
    const event = await parseStatusChanged(envelope.data);
    const observedAt = new Date(event.observedAt ?? envelope.occurredAt);
    if (Number.isNaN(observedAt.getTime())) throw new Error('camera.status.changed: occurredAt is not a date');
    await this.idempotent.run(CAMERA_STATUS_QUEUE, envelope, async () => {
      const applied = await this.statuses.apply({ cameraId: event.cameraId, status: event.status, reason: event.reason ?? null, observedAt });
      if (!applied) this.logger.debug({ eventId: envelope.id, cameraId: event.cameraId }, 'camera status report ignored (unknown camera or stale)');
    });
  }
}

async function parseStatusChanged(data: unknown): Promise<CameraStatusChangedV1> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('camera.status.changed: data is not an object');
  const event = plainToInstance(CameraStatusChangedV1, data);
  const errors = await validate(event);
  if (errors.length > 0) {
    throw new Error(`camera.status.changed: invalid ${errors.map((error) => error.property).join(', ')}`);
  }
  return event;
}
