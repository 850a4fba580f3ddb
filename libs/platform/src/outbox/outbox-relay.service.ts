import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REQUEST_ID_HEADER } from '@vms/contracts';
import { RabbitMqConnection } from '../messaging/rabbitmq.connection';
import { OutboxEventOrmEntity } from './outbox-event.orm-entity';
import { OutboxRelayOptions, OutboxServiceName } from './outbox.tokens';

/**
 * Publishes unpublished outbox rows in sequence order with publisher confirms.
 * On a failure it stops the batch (later events wait behind the failed one) and retries next tick.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly rabbit: RabbitMqConnection,
    private readonly options: OutboxRelayOptions,
    private readonly serviceName: OutboxServiceName,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Asks for a relay pass soon, e.g. right after a transaction that wrote events committed. */
  nudge(): void {
    if (!this.running) this.schedule(0);
  }

  /** One pass: publishes up to a batch; returns how many were published. */
  async relayOnce(): Promise<number> {
    if (!this.rabbit.isConnected()) return 0;
    return this.dataSource.transaction(async (manager) => {
      // One relay per service publishes at a time, which keeps events in commit order.
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [`outbox:${this.serviceName.value}`]);
      if (!locked) return 0;
      const pending = await manager
        .createQueryBuilder(OutboxEventOrmEntity, 'event')
        .where('event.published_at IS NULL')
        .orderBy('event.sequence', 'ASC')
        .limit(this.options.batchSize)
        .getMany();
      let published = 0;
      for (const event of pending) {
        try {
          await this.rabbit.publish(event.routingKey, Buffer.from(JSON.stringify(event.envelope)), {
            messageId: event.id,
            contentType: 'application/json',
            type: event.routingKey,
            timestamp: Math.floor(event.createdAt.getTime() / 1000),
            headers: { [REQUEST_ID_HEADER]: (event.envelope.correlationId as string | null) ?? event.id },
          });
          await manager.update(OutboxEventOrmEntity, { id: event.id }, { publishedAt: new Date() });
          published += 1;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await manager.increment(OutboxEventOrmEntity, { id: event.id }, 'attempts', 1);
          await manager.update(OutboxEventOrmEntity, { id: event.id }, { lastError: message.slice(0, 500) });
          this.logger.warn({ eventId: event.id, reason: message }, 'outbox publish failed, will retry');
          break;
        }
      }
      return published;
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    let published = 0;
    this.running = this.relayOnce()
      .then((count) => {
        published = count;
      })
      .catch((error: unknown) => this.logger.warn(`outbox relay pass failed: ${String(error)}`));
    await this.running;
    this.running = null;
    this.schedule(published >= this.options.batchSize ? 0 : this.options.pollIntervalMs);
  }
}
