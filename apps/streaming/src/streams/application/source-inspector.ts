import type { PathSource } from '../../media-server/media-server.port';

export interface VideoInfo {
  codec: string;
  width: number | null;
  height: number | null;
  /** Omitted when the source does not say (many RTSP cameras). */
  fps?: number;
}

/** One look at a source; a source that answers badly is a result with its reason, never a rejection. */
export type SourceProbe = { ok: true; video: VideoInfo } | { ok: false; reason: string };

/** Where a frame is taken from: the camera itself, or the engine's live output of its path. */
export type FrameOrigin = { kind: 'source'; source: PathSource } | { kind: 'live'; streamPath: string };

export type FrameGrab = { ok: true; jpeg: Buffer } | { ok: false; reason: string };

/** Looks into sources with ffprobe/ffmpeg, each call bounded in time. */
export abstract class SourceInspector {
  abstract probe(source: PathSource): Promise<SourceProbe>;
  /** One decoded frame as JPEG, at most 1280 pixels wide. */
  abstract grabFrame(origin: FrameOrigin): Promise<FrameGrab>;
}
