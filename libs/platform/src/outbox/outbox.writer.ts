import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { createEnvelope } from '../messaging/event-envelope.factory';
import { OutboxEventOrmEntity } from './outbox-event.orm-entity';
import { OutboxServiceName } from './outbox.tokens';

/** Records an event in the caller's transaction; the relay publishes it after commit. */
@Injectable()
export class OutboxWriter {
  constructor(private readonly serviceName: OutboxServiceName) {}

  async add<TData>(manager: EntityManager, routingKey: string, data: TData, aggregateId?: string): Promise<string> {
    const envelope = createEnvelope(routingKey, data, this.serviceName.value);
    const row: Partial<OutboxEventOrmEntity> = {
      id: envelope.id,
      routingKey,
      aggregateId: aggregateId ?? null,
      envelope: envelope as unknown as Record<string, unknown>,
    };
    await manager.insert(OutboxEventOrmEntity, row as never);
    return envelope.id;
  }
}
