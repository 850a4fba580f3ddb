import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One row per (consumer, event): the record that makes consumers idempotent. */
@Entity('processed_events')
export class ProcessedEventOrmEntity {
  @PrimaryColumn({ length: 100 }) consumer: string;
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' }) processedAt: Date;
}
