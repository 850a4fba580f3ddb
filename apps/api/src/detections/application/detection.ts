/** A box as [x, y, width, height], normalised to 0..1 of the picture. */
export type BoundingBox = [number, number, number, number];

/** One object the AI service reported in a `detection.created` event. */
export interface Detection {
  id: string;
  eventId: string;
  cameraId: string;
  class: string;
  confidence: number;
  bbox: BoundingBox;
  trackId: number;
  snapshotUrl: string | null;
  detectedAt: Date;
}

export interface DetectionFilter {
  cameraId?: string;
  /** Any of these classes. */
  classes?: string[];
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  minConfidence?: number;
}

/**
 * Where a page ends in the (detected_at desc, id desc) order. The time is kept as text with
 * PostgreSQL's microseconds: a JavaScript Date would round them off and skip rows.
 */
export interface DetectionPosition {
  detectedAt: string;
  id: string;
}

export interface DetectionQuery {
  filter: DetectionFilter;
  limit: number;
  after: DetectionPosition | null;
}

export interface DetectionPage {
  items: Detection[];
  /** Position of the last item when more rows follow, else null. */
  next: DetectionPosition | null;
}

/** [from, to) */
export interface TimeWindow {
  from: Date;
  to: Date;
}

export interface HourlyClassCount {
  /** Start of the UTC hour. */
  hour: Date;
  class: string;
  count: number;
}

export interface CameraDetectionCount {
  cameraId: string;
  count: number;
}
