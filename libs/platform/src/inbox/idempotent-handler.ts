import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@vms/contracts';
import { ProcessedEventOrmEntity } from './processed-event.orm-entity';

/**
 * Runs a handler at most once per (consumer, event id): the dedupe row and the handler's
 * writes commit together, so a redelivered event is acknowledged without effect.
 */
@Injectable()
export class IdempotentHandler {
  constructor(private readonly dataSource: DataSource) {}

  async run(
    consumer: string,
    envelope: EventEnvelope,
    handler: (manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO ${manager.getRepository(ProcessedEventOrmEntity).metadata.tableName} (consumer, event_id)
         VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer, envelope.id],
      );
      if (inserted.length === 0) return false;
      await handler(manager);
      return true;
    });
  }
}
