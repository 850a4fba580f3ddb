import type { DetectionCreatedV1 } from '@vms/contracts';

/** A stored detection: one tracked object at the moment it appeared or changed class. */
export interface DetectionRecord {
  id: string;
  cameraId: string;
  class: string;
  confidence: number;
  /** [x, y, w, h] normalised. */
  bbox: [number, number, number, number];
  trackId: number;
  reason: 'appeared' | 'class-changed';
  snapshotPath: string | null;
  detectedAt: Date;
}

/** Persistence of detections; `record` stores the rows and the `detection.created` event in one transaction. */
export abstract class DetectionStore {
  /** Returns the id of the event written to the outbox. */
  abstract record(rows: DetectionRecord[], event: DetectionCreatedV1): Promise<string>;
  /** Deletes up to `limit` detections older than `cutoff`; returns their snapshot paths. */
  abstract deleteOlderThan(cutoff: Date, limit: number): Promise<{ deleted: number; snapshotPaths: string[] }>;
}
