import type { Camera } from './camera';

/** An event to publish with a change, written atomically with it (transactional outbox). */
export interface OutgoingEvent {
  routingKey: string;
  data: object;
}

/** Persistence port for cameras. Writes store the camera and its events in one transaction. */
export abstract class CameraRepository {
  abstract findById(id: string): Promise<Camera | null>;
  abstract list(): Promise<Camera[]>;
  abstract existingIds(ids: string[]): Promise<Set<string>>;
  abstract nameTaken(name: string, exceptId?: string): Promise<boolean>;
  abstract save(camera: Camera, events: OutgoingEvent[]): Promise<void>;
  abstract delete(camera: Camera, events: OutgoingEvent[]): Promise<void>;
  /**
   * Stores only the status, last error and status time (no revision, no event), unless the
   * stored status is newer; returns whether it was stored.
   */
  abstract saveStatus(camera: Camera): Promise<boolean>;
}
