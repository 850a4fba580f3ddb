/** A camera source as the media server needs it: the URL plus the credentials stored apart from it. */
export interface PathSource {
  url: string;
  credentials: { username: string; password: string } | null;
}

/** What a camera's path should be: name `cam_<id>`, pulled from `source` when someone reads it. */
export interface PathSpec {
  name: string;
  source: PathSource;
}

export type PathHealth = 'online' | 'idle' | 'starting' | 'offline' | 'error';

/** Runtime state of one path, in media-server-neutral terms. */
export interface PathState {
  name: string;
  /** online: media flows; idle: on-demand and nobody reads it; starting; offline: source gone; error: failing (see reason). */
  health: PathHealth;
  reason: string | null;
  readers: number;
  bytesReceived: number;
  /** Inbound bitrate in kbit/s measured since the previous state read, when known. */
  bitrateKbps: number | null;
  /** Whether the last probe or run reached the source (null: never tried, or the server cannot tell). */
  sourceReachable?: boolean | null;
}

/**
 * The port between the streaming service and a media server (MediaMTX in compose, the embedded
 * ffmpeg engine in the local stack and tests). Every write is idempotent.
 */
export abstract class MediaServer {
  abstract readonly kind: 'mediamtx' | 'embedded';
  /** Creates or replaces the path (same spec twice, or concurrently, leaves one path). */
  abstract upsertPath(spec: PathSpec): Promise<void>;
  /** Removes the path and stops anything serving it; a missing path is not an error. */
  abstract deletePath(name: string): Promise<void>;
  /** Names of the paths currently configured. */
  abstract listPaths(): Promise<string[]>;
  abstract pathStates(): Promise<PathState[]>;
}

/** Decides whether a stream token lets its bearer read a path (used by the embedded engine's HLS server). */
export abstract class StreamAccessPolicy {
  abstract canRead(pathName: string, token: string | null): boolean;
}
