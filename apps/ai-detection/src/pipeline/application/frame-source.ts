import type { Frame, FrameFormat } from '../../frames/frame';

/** Where the pipeline gets pictures: at most one decoder per camera, newest frame wins. */
export abstract class FrameSource {
  /** Starts (or keeps, or restarts on a changed URL/format) the decoder of one camera. */
  abstract watch(cameraId: string, url: string, format: FrameFormat): void;
  /** Stops every decoder but these cameras'. */
  abstract unwatchAllExcept(cameraIds: string[]): void;
  /** The newest undelivered frame of each camera, each handed out once. */
  abstract takeLatest(): Frame[];
  /** Each decoder's state, for status and metrics. */
  abstract stats(): DecoderStats[];
}

export interface DecoderStats {
  cameraId: string;
  state: string;
  reason: string | null;
  framesDecoded: number;
  framesDropped: number;
  lastFrameAgeMs: number | null;
}
