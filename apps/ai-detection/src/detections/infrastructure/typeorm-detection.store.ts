import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DetectionCreatedV1, RoutingKeys } from '@vms/contracts';
import { OutboxWriter } from '@vms/platform';
import { DetectionRecord, DetectionStore } from '../application/detection-store';
import { DetectionOrmEntity } from './detection.orm-entity';

@Injectable()
export class TypeormDetectionStore extends DetectionStore {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter) {
    super();
  }

  async record(rows: DetectionRecord[], event: DetectionCreatedV1): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const eventId = await this.outbox.add(manager, RoutingKeys.detectionCreated, event, event.cameraId);
      await manager.insert(DetectionOrmEntity, rows.map((row) => toRow(row, eventId)) as never);
      return eventId;
    });
  }

  async deleteOlderThan(cutoff: Date, limit: number) {
    // TypeORM answers a raw DELETE ... RETURNING on PostgreSQL with [rows, affected].
    const [deleted]: [{ snapshot_path: string | null }[], number] = await this.dataSource.query(
      `DELETE FROM detections WHERE id IN (
         SELECT id FROM detections WHERE detected_at < $1 ORDER BY detected_at LIMIT $2
       ) RETURNING snapshot_path`,
      [cutoff, limit],
    );
    const candidates = [...new Set(deleted.map((row) => row.snapshot_path).filter((path): path is string => path !== null))];
    // One snapshot can show several detections: only files no remaining row points to go.
    const stillUsed: { snapshot_path: string }[] = candidates.length === 0 ? [] : await this.dataSource.query(
      'SELECT DISTINCT snapshot_path FROM detections WHERE snapshot_path = ANY($1)', [candidates],
    );
    const used = new Set(stillUsed.map((row) => row.snapshot_path));
    return { deleted: deleted.length, snapshotPaths: candidates.filter((path) => !used.has(path)) };
  }
}

function toRow(record: DetectionRecord, eventId: string): Partial<DetectionOrmEntity> {
  const [x, y, w, h] = record.bbox;
  return {
    id: record.id,
    eventId,
    cameraId: record.cameraId,
    class: record.class,
    confidence: record.confidence,
    bboxX: x, bboxY: y, bboxW: w, bboxH: h,
    trackId: record.trackId,
    reason: record.reason,
    snapshotPath: record.snapshotPath,
    detectedAt: record.detectedAt,
  };
}
