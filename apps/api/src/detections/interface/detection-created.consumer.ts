import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DetectionCreatedV1, EventEnvelope, RoutingKeys } from '@vms/contracts';
import { EventConsumer, RabbitMqConnection } from '@vms/platform';
import { DetectionsService } from '../application/detections.service';

export const DETECTIONS_QUEUE = 'api.detections';

/** Limits of the `detections` table that the contract itself does not state. */
const MAX_OBJECTS_PER_EVENT = 1000;
const MAX_CLASS_LENGTH = 50;
const MAX_TRACK_ID = 2_147_483_647;
const MAX_SNAPSHOT_URL_LENGTH = 2048;

/**
 * Projects `detection.created` (v1) into the `detections` table: one row per object, written in
 * the same transaction as the dedupe record, so a redelivered event adds nothing. An invalid
 * payload or an unknown version throws (retried, then dead-lettered to `api.detections.dlq`).
 */
@Injectable()
export class DetectionCreatedConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DetectionCreatedConsumer.name);
  private readonly consumer: EventConsumer;
  private started: Promise<void> = Promise.resolve();

  constructor(private readonly rabbit: RabbitMqConnection, private readonly detections: DetectionsService) {
    // Events are independent inserts: a few at a time, each holding one pooled connection for its transaction.
    this.consumer = new EventConsumer(
      rabbit,
      { queue: DETECTIONS_QUEUE, routingKeys: [RoutingKeys.detectionCreated], prefetch: 4 },
      (envelope) => this.handle(envelope),
    );
  }

  onApplicationBootstrap(): void {
    // Not awaited: the api serves HTTP while RabbitMQ is away; the consumer attaches once it connects.
    this.started = this.consumer.start().catch((error: unknown) => this.logger.warn(`detections consumer not started: ${String(error)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    // Same as the camera status consumer: let a connected channel finish its queue setup before closing it.
    if (this.rabbit.isConnected()) await Promise.race([this.started, sleep(2000, undefined, { ref: false })]);
    await this.consumer.stop();
  }

  async handle(envelope: EventEnvelope): Promise<void> {
    if (envelope.version !== 1) throw new Error(`detection.created: version ${String(envelope.version)} is not supported`);
    const event = await parseDetectionCreated(envelope.data);
    const stored = await this.detections.record(DETECTIONS_QUEUE, envelope, event);
    if (!stored) this.logger.debug({ eventId: envelope.id }, 'detection.created already processed, skipped');
  }
}

export async function parseDetectionCreated(data: unknown): Promise<DetectionCreatedV1> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('detection.created: data is not an object');
  const event = plainToInstance(DetectionCreatedV1, data);
  const errors = await validate(event);
  if (errors.length > 0) throw new Error(`detection.created: invalid ${errors.map((error) => error.property).join(', ')}`);
  const problems = [
    Number.isNaN(Date.parse(event.timestamp)) && 'timestamp is not a date',
    event.detections.length > MAX_OBJECTS_PER_EVENT && `more than ${MAX_OBJECTS_PER_EVENT} detections`,
    event.detections.some((object) => object.class.length === 0 || object.class.length > MAX_CLASS_LENGTH) &&
      `a class is empty or longer than ${MAX_CLASS_LENGTH} characters`,
    event.detections.some((object) => object.trackId > MAX_TRACK_ID) && 'a trackId is too large',
    (event.snapshotUrl?.length ?? 0) > MAX_SNAPSHOT_URL_LENGTH && 'snapshotUrl is too long',
    event.detectionIds !== undefined && event.detectionIds.length !== event.detections.length &&
      'detectionIds and detections differ in length',
    event.detectionIds !== undefined && new Set(event.detectionIds.map((id) => id.toLowerCase())).size !== event.detectionIds.length &&
      'detectionIds repeat an id',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) throw new Error(`detection.created: ${problems.join('; ')}`);
  return event;
}
