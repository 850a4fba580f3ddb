import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { EventEnvelope } from '@vms/contracts';
import { IdempotentHandler } from '@vms/platform';
import type {
  CameraDetectionCount, Detection, DetectionFilter, DetectionPage, DetectionPosition, HourlyClassCount, TimeWindow,
} from '../application/detection';
import { DetectionRepository } from '../application/detection.repository';
import { DetectionOrmEntity } from './detection.orm-entity';

interface PageRow {
  id: string;
  event_id: string;
  camera_id: string;
  class: string;
  confidence: number;
  bbox_x: number;
  bbox_y: number;
  bbox_w: number;
  bbox_h: number;
  track_id: number;
  snapshot_url: string | null;
  detected_at: Date;
  position: string;
}

@Injectable()
export class TypeormDetectionRepository extends DetectionRepository {
  constructor(
    @InjectRepository(DetectionOrmEntity) private readonly detections: Repository<DetectionOrmEntity>,
    private readonly dataSource: DataSource,
    private readonly idempotent: IdempotentHandler,
  ) {
    super();
  }

  addFromEvent(consumer: string, envelope: EventEnvelope, detections: Detection[]): Promise<boolean> {
    return this.idempotent.run(consumer, envelope, async (manager) => {
      await manager.createQueryBuilder().insert().into(DetectionOrmEntity).values(detections.map(toRow)).orIgnore().execute();
    });
  }

  async findById(id: string): Promise<Detection | null> {
    const row = await this.detections.findOneBy({ id });
    return row ? toDomain(row) : null;
  }

  async page(filter: DetectionFilter, limit: number, after: DetectionPosition | null): Promise<DetectionPage> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.cameraId !== undefined) where.push(`camera_id = ${param(filter.cameraId)}`);
    if (filter.classes !== undefined && filter.classes.length > 0) where.push(`class = ANY(${param(filter.classes)}::varchar[])`);
    if (filter.from !== undefined) where.push(`detected_at >= ${param(filter.from)}`);
    if (filter.to !== undefined) where.push(`detected_at < ${param(filter.to)}`);
    if (filter.minConfidence !== undefined) where.push(`confidence >= ${param(filter.minConfidence)}`);
    if (after) where.push(`(detected_at, id) < (${param(after.detectedAt)}::timestamptz, ${param(after.id)}::uuid)`);
    const rows: PageRow[] = await this.dataSource.query(
      `SELECT id, event_id, camera_id, class, confidence, bbox_x, bbox_y, bbox_w, bbox_h, track_id, snapshot_url, detected_at,
              to_char(detected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position
         FROM detections
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY detected_at DESC, id DESC
        LIMIT ${param(limit + 1)}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((row) => toDomain({
        id: row.id, eventId: row.event_id, cameraId: row.camera_id, class: row.class, confidence: row.confidence,
        bboxX: row.bbox_x, bboxY: row.bbox_y, bboxW: row.bbox_w, bboxH: row.bbox_h, trackId: row.track_id,
        snapshotUrl: row.snapshot_url, detectedAt: row.detected_at,
      })),
      next: rows.length > limit ? { detectedAt: last.position, id: last.id } : null,
    };
  }

  async hourlyCounts(window: TimeWindow): Promise<HourlyClassCount[]> {
    const rows: { hour: Date; class: string; count: number }[] = await this.dataSource.query(
      `SELECT date_trunc('hour', detected_at, 'UTC') AS hour, class, count(*)::int AS count
         FROM detections
        WHERE detected_at >= $1 AND detected_at < $2
        GROUP BY 1, 2
        ORDER BY 1, class COLLATE "C"`,
      [window.from, window.to],
    );
    return rows;
  }

  async countsByCamera(window: TimeWindow): Promise<CameraDetectionCount[]> {
    const rows: { camera_id: string; count: number }[] = await this.dataSource.query(
      `SELECT camera_id, count(*)::int AS count
         FROM detections
        WHERE detected_at >= $1 AND detected_at < $2
        GROUP BY camera_id`,
      [window.from, window.to],
    );
    return rows.map((row) => ({ cameraId: row.camera_id, count: row.count }));
  }
}

function toRow(detection: Detection): Omit<DetectionOrmEntity, 'createdAt'> {
  const [bboxX, bboxY, bboxW, bboxH] = detection.bbox;
  return {
    id: detection.id,
    eventId: detection.eventId,
    cameraId: detection.cameraId,
    class: detection.class,
    confidence: detection.confidence,
    bboxX, bboxY, bboxW, bboxH,
    trackId: detection.trackId,
    snapshotUrl: detection.snapshotUrl,
    detectedAt: detection.detectedAt,
  };
}

function toDomain(row: Omit<DetectionOrmEntity, 'createdAt'>): Detection {
  return {
    id: row.id,
    eventId: row.eventId,
    cameraId: row.cameraId,
    class: row.class,
    confidence: row.confidence,
    bbox: [row.bboxX, row.bboxY, row.bboxW, row.bboxH],
    trackId: row.trackId,
    snapshotUrl: row.snapshotUrl,
    detectedAt: row.detectedAt,
  };
}
