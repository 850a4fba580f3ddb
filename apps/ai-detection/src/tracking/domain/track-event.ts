import type { RawDetection } from '../../model/detector.port';

export type TrackEventKind = 'appeared' | 'class-changed' | 'left';

interface TrackEventFields {
  trackId: number;
  /** The track's stable class (a one-frame flicker never shows here). */
  label: string;
  /** Best score seen while the track has had this class. */
  score: number;
  /** The track's latest box, [x1, y1, x2, y2] normalised. */
  box: RawDetection['box'];
  firstSeenMs: number;
  lastSeenMs: number;
}

/** What the tracker reports about an object: it appeared, its class settled on another, it left. */
export type TrackEvent =
  | (TrackEventFields & { kind: 'appeared' | 'left' })
  | (TrackEventFields & { kind: 'class-changed'; previousLabel: string });
