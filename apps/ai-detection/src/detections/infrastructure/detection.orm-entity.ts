import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('detections')
export class DetectionOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'camera_id', type: 'uuid' }) cameraId: string;
  @Column({ length: 50 }) class: string;
  @Column({ type: 'double precision' }) confidence: number;
  @Column({ name: 'bbox_x', type: 'double precision' }) bboxX: number;
  @Column({ name: 'bbox_y', type: 'double precision' }) bboxY: number;
  @Column({ name: 'bbox_w', type: 'double precision' }) bboxW: number;
  @Column({ name: 'bbox_h', type: 'double precision' }) bboxH: number;
  @Column({ name: 'track_id', type: 'int' }) trackId: number;
  @Column({ length: 20 }) reason: string;
  @Column({ name: 'snapshot_path', type: 'varchar', length: 500, nullable: true }) snapshotPath: string | null;
  @Column({ name: 'detected_at', type: 'timestamptz' }) detectedAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
