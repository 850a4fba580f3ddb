import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DetectionCreatedV1 } from '@vms/contracts';
import { OutboxRelay } from '@vms/platform';
import { AiDetectionEnv } from '../../ai-detection.env';
import type { Frame } from '../../frames/frame';
import type { TrackedDetection } from '../../tracking/domain/iou-tracker';
import type { TrackEvent } from '../../tracking/domain/track-event';
import { DetectionRecord, DetectionStore } from './detection-store';
import { SnapshotWriter } from './snapshot-writer';

export type NotableEvent = Extract<TrackEvent, { kind: 'appeared' | 'class-changed' }>;

export function toXywh([x1, y1, x2, y2]: [number, number, number, number]): [number, number, number, number] {
  return [x1, y1, Math.max(0, x2 - x1), Math.max(0, y2 - y1)];
}

/**
 * Turns the tracker's notable events of one frame into stored detections, one snapshot with
 * the boxes drawn, and one `detection.created` event (through the outbox).
 */
@Injectable()
export class DetectionRecorder {
  private readonly logger = new Logger(DetectionRecorder.name);

  constructor(
    private readonly store: DetectionStore,
    private readonly snapshots: SnapshotWriter,
    private readonly relay: OutboxRelay,
    private readonly env: AiDetectionEnv,
  ) {}

  /** Snapshot encodings running or waiting; beyond SNAPSHOT_BACKLOG events are stored without one. */
  private snapshotsInFlight = 0;

  async record(frame: Frame, tracked: TrackedDetection[], notable: NotableEvent[]): Promise<DetectionCreatedV1> {
    const detectedAt = new Date(frame.capturedAt);
    const ids = notable.map(() => randomUUID());
    const highlighted = new Set(notable.map((event) => event.trackId));
    const snapshotPath = this.snapshotsInFlight >= SNAPSHOT_BACKLOG ? null : await this.snapshot(frame, tracked, highlighted, ids[0], detectedAt);
    const rows: DetectionRecord[] = notable.map((event, index) => ({
      id: ids[index],
      cameraId: frame.cameraId,
      class: event.label,
      confidence: round(event.score),
      bbox: toXywh(event.box).map(round) as DetectionRecord['bbox'],
      trackId: event.trackId,
      reason: event.kind,
      snapshotPath,
      detectedAt,
    }));
    const event: DetectionCreatedV1 = {
      cameraId: frame.cameraId,
      timestamp: detectedAt.toISOString(),
      frameId: `${frame.cameraId}:${frame.capturedAt}`,
      detections: rows.map((row) => ({ class: row.class, confidence: row.confidence, bbox: row.bbox, trackId: row.trackId, reason: row.reason })),
      snapshotUrl: snapshotPath ? `${this.env.PUBLIC_MEDIA_BASE}/${snapshotPath.split('\\').join('/')}` : null,
      detectionIds: ids,
    };
    await this.store.record(rows, event);
    this.relay.nudge();
    return event;
  }

  private async snapshot(frame: Frame, tracked: TrackedDetection[], highlighted: Set<number>, id: string, at: Date): Promise<string | null> {
    this.snapshotsInFlight += 1;
    try {
      const boxes = tracked.map((detection) => ({ box: detection.box, label: detection.label, highlight: highlighted.has(detection.trackId) }));
      return await this.snapshots.write(frame, boxes, { cameraId: frame.cameraId, id, at });
    } catch (error) {
      this.logger.warn(`snapshot not written: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    } finally {
      this.snapshotsInFlight -= 1;
    }
  }
}

const SNAPSHOT_BACKLOG = 2;

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
