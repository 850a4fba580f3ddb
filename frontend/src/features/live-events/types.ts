/** One object as the AI service reports it; bbox is [x, y, w, h] normalised to 0..1 of the picture. */
export interface DetectedObject {
  class: string;
  confidence: number;
  bbox: [number, number, number, number];
  trackId: number;
  /** Only in detection.created: why the object is reported. */
  reason?: 'appeared' | 'class-changed';
}

/** The boxes of one inferred frame (`detection.boxes` push, and GET /api/ai/cameras/:id/latest). */
export interface DetectionBoxes {
  cameraId: string;
  timestamp: string;
  frameId: string;
  detections: DetectedObject[];
}

/** Payload of `detection.created`: a track appeared or changed class (not once per frame). */
export interface DetectionCreated extends DetectionBoxes {
  /** Public path of the JPEG with the boxes drawn (`/media/snapshots/...`), or null. */
  snapshotUrl: string | null;
  /** Ids of the stored detection rows, one per object, in the same order. */
  detectionIds?: string[];
}

export const CAMERA_STATUSES = ['provisioning', 'online', 'offline', 'error'] as const;
export type CameraStatus = (typeof CAMERA_STATUSES)[number];

/** Payload of `camera.status.changed`. */
export interface CameraStatusChanged {
  cameraId: string;
  status: CameraStatus;
  reason?: string | null;
  readers?: number;
  bitrateKbps?: number | null;
  observedAt?: string;
}

/** What the gateway pushes over `/ws`. */
export type ServerMessage =
  | { type: 'ready' }
  | { type: 'subscribed'; cameraIds: string[] }
  | { type: 'error'; error: { code: string; message: string } }
  | { type: 'detection.boxes'; data: DetectionBoxes }
  | { type: 'detection.created'; data: DetectionCreated }
  | { type: 'camera.status.changed'; data: CameraStatusChanged };

/** What the browser sends over `/ws`. */
export type ClientMessage =
  | { type: 'auth'; token: string }
  | { type: 'subscribe' | 'unsubscribe'; cameraIds: string[] };

/** A camera's latest boxes and when this browser got them (for fading). */
export interface CameraBoxes {
  frame: DetectionBoxes;
  /** Epoch ms at which the boxes arrived here. */
  receivedAt: number;
}

export interface CameraLiveStatus extends CameraStatusChanged {
  receivedAt: number;
}

/** One detected object of a detection.created event: a row of the live events panel. */
export interface RecentDetection {
  /** The stored detection's id when known, otherwise frame and track. */
  id: string;
  cameraId: string;
  class: string;
  confidence: number;
  bbox: [number, number, number, number];
  trackId: number;
  reason?: 'appeared' | 'class-changed';
  /** When the frame was captured (ISO 8601). */
  timestamp: string;
  snapshotUrl: string | null;
  receivedAt: number;
}

/**
 * `idle`: nothing wanted, no socket. `connecting`: opening or authenticating. `open`: live.
 * `reconnecting`: waiting to retry (see `retryAt`). `signed-out`: no session to connect with.
 */
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'signed-out';

export interface LiveConnection {
  state: ConnectionState;
  /** Epoch ms of the next attempt while `reconnecting`. */
  retryAt: number | null;
  /** Failed attempts since the last successful one. */
  attempt: number;
}
