import type { RawDetection } from '../../model/detector.port';
import type { TrackEvent } from './track-event';

type Box = RawDetection['box'];

/**
 * One object followed over frames: its short history and its stable class. The box is the latest
 * one, not smoothed: at about 1 frame/s objects move far between frames and smoothing would lag.
 */
export class Track {
  readonly firstSeenMs: number;
  lastSeenMs: number;
  box: Box;
  classId: number;
  label: string;
  bestScore: number;
  /** Updates in which the track was matched (consecutive while tentative: a tentative track ends at its first miss). */
  hits = 1;
  /** Consecutive updates in which it was not. */
  misses = 0;
  confirmed = false;
  /** Movement of the box per millisecond between the last two sightings; zero until seen twice. */
  private velocity: Box = [0, 0, 0, 0];
  private pendingClass: { classId: number; label: string; hits: number } | null = null;

  constructor(readonly id: number, detection: RawDetection, timestampMs: number) {
    this.firstSeenMs = timestampMs;
    this.lastSeenMs = timestampMs;
    this.box = detection.box;
    this.classId = detection.classId;
    this.label = detection.label;
    this.bestScore = detection.score;
  }

  /**
   * Records a matched detection. A different class replaces the track's class only once it has
   * been seen in `classChangeHits` consecutive matches; returns the previous label when it did.
   */
  observe(detection: RawDetection, timestampMs: number, classChangeHits: number): string | null {
    this.hits += 1;
    this.misses = 0;
    const elapsedMs = timestampMs - this.lastSeenMs;
    if (elapsedMs > 0) this.velocity = detection.box.map((value, i) => (value - this.box[i]) / elapsedMs) as Box;
    this.lastSeenMs = timestampMs;
    this.box = detection.box;
    if (detection.classId === this.classId) {
      this.pendingClass = null;
      this.bestScore = Math.max(this.bestScore, detection.score);
      return null;
    }
    const pending = this.pendingClass?.classId === detection.classId
      ? this.pendingClass
      : { classId: detection.classId, label: detection.label, hits: 0 };
    pending.hits += 1;
    this.pendingClass = pending;
    if (pending.hits < classChangeHits) return null;

    const previousLabel = this.label;
    this.classId = pending.classId;
    this.label = pending.label;
    this.bestScore = detection.score;
    this.pendingClass = null;
    return previousLabel;
  }

  /** Where the box should be at `timestampMs` if the object keeps its last movement. */
  predictedBox(timestampMs: number): Box {
    const elapsedMs = timestampMs - this.lastSeenMs;
    return this.box.map((value, i) => value + this.velocity[i] * elapsedMs) as Box;
  }

  /** Records an update in which the track was not matched. */
  miss(): void {
    this.misses += 1;
  }

  event(kind: 'appeared' | 'left'): TrackEvent {
    return { kind, ...this.eventFields() };
  }

  classChangedEvent(previousLabel: string): TrackEvent {
    return { kind: 'class-changed', previousLabel, ...this.eventFields() };
  }

  private eventFields() {
    return {
      trackId: this.id,
      label: this.label,
      score: this.bestScore,
      box: [...this.box] as Box,
      firstSeenMs: this.firstSeenMs,
      lastSeenMs: this.lastSeenMs,
    };
  }
}
