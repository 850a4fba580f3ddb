import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CameraStatus } from '@vms/contracts';

@Entity('cameras')
export class CameraOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ length: 100 }) name: string;
  @Column({ length: 1000, default: '' }) description: string;
  @Column({ type: 'double precision', nullable: true }) latitude: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude: number | null;
  @Column({ name: 'source_url', length: 2048 }) sourceUrl: string;
  @Column({ name: 'credentials_encrypted', type: 'text', nullable: true }) credentialsEncrypted: string | null;
  @Column() enabled: boolean;
  @Column({ name: 'ai_enabled' }) aiEnabled: boolean;
  @Column({ name: 'ai_classes', type: 'text', array: true }) aiClasses: string[];
  @Column({ name: 'ai_min_confidence', type: 'double precision' }) aiMinConfidence: number;
  @Column({ name: 'ai_roi', type: 'jsonb' }) aiRoi: [number, number][][];
  @Column({ type: 'varchar', length: 20 }) status: CameraStatus;
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true }) lastError: string | null;
  @Column({ name: 'status_changed_at', type: 'timestamptz' }) statusChangedAt: Date;
  @Column({ type: 'int' }) revision: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
