import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Layout } from '../domain/mosaic';

@Entity('mosaics')
export class MosaicOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'owner_id', type: 'uuid' }) ownerId: string;
  @Column({ length: 100 }) name: string;
  @Column({ type: 'varchar', length: 5 }) layout: Layout;
  @OneToMany(() => MosaicTileOrmEntity, (tile) => tile.mosaic, { cascade: true, eager: true }) tiles: MosaicTileOrmEntity[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('mosaic_tiles')
export class MosaicTileOrmEntity {
  @PrimaryColumn({ name: 'mosaic_id', type: 'uuid' }) mosaicId: string;
  @PrimaryColumn({ type: 'smallint' }) position: number;
  @Column({ name: 'camera_id', type: 'uuid' }) cameraId: string;
  @ManyToOne(() => MosaicOrmEntity, (mosaic) => mosaic.tiles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mosaic_id' })
  mosaic: MosaicOrmEntity;
}
