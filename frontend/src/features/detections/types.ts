/** [x, y, width, height], normalised to 0..1 of the picture. */
export type BoundingBox = [number, number, number, number];

/** One object in `GET /api/detections` and `GET /api/detections/:id`. */
export interface Detection {
  id: string;
  cameraId: string;
  class: string;
  /** 0..1 */
  confidence: number;
  bbox: BoundingBox;
  trackId: number;
  /** `/media/snapshots/…jpg`, served by nginx; null when no snapshot was written. */
  snapshotUrl: string | null;
  detectedAt: string;
}

export interface DetectionPage {
  items: Detection[];
  /** Pass back as `cursor` (with the same filters) for the next page; null on the last one. */
  nextCursor: string | null;
}

/** The filters of the events list, as the URL and the API take them. */
export interface DetectionFilters {
  cameraId?: string;
  class?: string;
  /** ISO 8601 (UTC), inclusive. */
  from?: string;
  /** ISO 8601 (UTC), exclusive. */
  to?: string;
  /** 0..1 */
  minConfidence?: number;
}

/** What the events page needs of a camera: its name for the filter and the rows. */
export interface CameraOption {
  id: string;
  name: string;
}
