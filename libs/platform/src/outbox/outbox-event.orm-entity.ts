import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('outbox_events')
@Index('idx_outbox_unpublished', ['sequence'], { where: 'published_at IS NULL' })
export class OutboxEventOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'bigint', generated: 'increment', unique: true }) sequence: string;
  @Column({ name: 'routing_key', length: 100 }) routingKey: string;
  @Column({ name: 'aggregate_id', type: 'varchar', length: 100, nullable: true }) aggregateId: string | null;
  @Column('jsonb') envelope: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
}
