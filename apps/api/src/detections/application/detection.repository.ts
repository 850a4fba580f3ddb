import type { EventEnvelope } from '@vms/contracts';
import type {
  CameraDetectionCount, Detection, DetectionFilter, DetectionPage, DetectionPosition, HourlyClassCount, TimeWindow,
} from './detection';

/** Persistence port of the detections read model. */
export abstract class DetectionRepository {
  /**
   * Stores an event's detections together with the record that `consumer` processed the event,
   * in one transaction; returns false (and stores nothing) when it was processed before. Rows
   * whose id already exists are skipped.
   */
  abstract addFromEvent(consumer: string, envelope: EventEnvelope, detections: Detection[]): Promise<boolean>;
  abstract findById(id: string): Promise<Detection | null>;
  /** Newest first: detected_at desc, id desc, starting strictly after `after`. */
  abstract page(filter: DetectionFilter, limit: number, after: DetectionPosition | null): Promise<DetectionPage>;
  /** Counts per UTC hour and class, oldest hour first. */
  abstract hourlyCounts(window: TimeWindow): Promise<HourlyClassCount[]>;
  /** Counts per camera (cameras without detections in the window are absent). */
  abstract countsByCamera(window: TimeWindow): Promise<CameraDetectionCount[]>;
}
