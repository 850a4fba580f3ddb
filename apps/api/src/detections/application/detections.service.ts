import { Injectable } from '@nestjs/common';
import type { DetectionCreatedV1, EventEnvelope } from '@vms/contracts';
import type { CameraDetectionCount, Detection, DetectionQuery, HourlyClassCount, TimeWindow } from './detection';
import { encodeCursor } from './detection-cursor';
import { DetectionErrors } from './detection.errors';
import { derivedDetectionId } from './detection-id';
import { DetectionRepository } from './detection.repository';

/** The api's read side of detections: the projection of `detection.created` and its queries. */
@Injectable()
export class DetectionsService {
  constructor(private readonly detections: DetectionRepository) {}

  /**
   * Stores one row per object of an event, at most once per (consumer, event). Ids come from the
   * event's `detectionIds` (the AI service's own rows) or are derived from the event id, so a
   * replayed event never makes a second row either way.
   */
  record(consumer: string, envelope: EventEnvelope, event: DetectionCreatedV1): Promise<boolean> {
    const detectedAt = new Date(event.timestamp);
    const detections: Detection[] = event.detections.map((object, index) => ({
      id: event.detectionIds?.[index] ?? derivedDetectionId(envelope.id, index),
      eventId: envelope.id,
      cameraId: event.cameraId,
      class: object.class,
      confidence: object.confidence,
      bbox: [object.bbox[0], object.bbox[1], object.bbox[2], object.bbox[3]],
      trackId: object.trackId,
      snapshotUrl: event.snapshotUrl ?? null,
      detectedAt,
    }));
    return this.detections.addFromEvent(consumer, envelope, detections);
  }

  async list(query: DetectionQuery): Promise<{ items: Detection[]; nextCursor: string | null }> {
    const page = await this.detections.page(query.filter, query.limit, query.after);
    return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
  }

  async get(id: string): Promise<Detection> {
    const detection = await this.detections.findById(id);
    if (!detection) throw DetectionErrors.notFound();
    return detection;
  }

  hourlyCounts(window: TimeWindow): Promise<HourlyClassCount[]> {
    return this.detections.hourlyCounts(window);
  }

  countsByCamera(window: TimeWindow): Promise<CameraDetectionCount[]> {
    return this.detections.countsByCamera(window);
  }
}
