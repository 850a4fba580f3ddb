import type { RawDetection } from '../../model/detector.port';
import { greedyMatch } from './greedy-match';
import { Track } from './track';
import type { TrackEvent } from './track-event';

export type TrackedDetection = RawDetection & { trackId: number };

export interface TrackerUpdate {
  /** Every detection of the update, unchanged (its own label and box), with the id of its track. */
  tracked: TrackedDetection[];
  events: TrackEvent[];
}

export interface IouTrackerOptions {
  /** Lowest IoU (inclusive) between a track's last or predicted box and a detection for them to match. */
  matchIou: number;
  /** Same class, similar size, centre within this many box sizes of where the track should be: a match too (0: off). */
  maxCentreDistance: number;
  /** Consecutive updates a new track must be seen in before it `appeared`; 2 hides one-frame flickers. */
  minHits: number;
  /** Consecutive unmatched updates after which a track has `left`. */
  maxMisses: number;
  /** A track not seen for longer than this when an update arrives has `left`, whatever the frame rate. */
  maxAgeMs: number;
  /** Consecutive matches a different class must hold before it replaces the track's class. */
  classChangeHits: number;
  /** The first id handed out, so an application can continue a camera's numbering after a restart. */
  firstTrackId: number;
}

/** Tuned for about 1 frame/s per camera: `left` after 3 missed frames, or 5 s without a sighting. */
export const DEFAULT_TRACKER_OPTIONS: Readonly<IouTrackerOptions> = {
  matchIou: 0.3,
  maxCentreDistance: 1.5,
  minHits: 2,
  maxMisses: 3,
  maxAgeMs: 5000,
  classChangeHits: 2,
  firstTrackId: 1,
};

/**
 * Follows the objects of ONE camera across updates so that a parked car is one `appeared` and
 * one `left`, not one event per frame. Track ids increase and are never reused, including ids of
 * tracks that were never confirmed. Tracks are dropped once they leave, so memory stays bounded.
 */
export class IouTracker {
  private readonly options: IouTrackerOptions;
  private readonly tracks = new Map<number, Track>();
  private nextTrackId: number;
  private lastTimestampMs = -Infinity;

  constructor(options: Partial<IouTrackerOptions> = {}) {
    this.options = validOptions({ ...DEFAULT_TRACKER_OPTIONS, ...options });
    this.nextTrackId = this.options.firstTrackId;
  }

  /** Tracks currently held, confirmed or not. */
  get trackCount(): number {
    return this.tracks.size;
  }

  /** Matches one frame's detections (already post-processed) to the camera's tracks. */
  update(detections: readonly RawDetection[], timestampMs: number): TrackerUpdate {
    if (!Number.isFinite(timestampMs) || timestampMs < this.lastTimestampMs) {
      throw new RangeError(`timestamp ${timestampMs} is before the previous update (${this.lastTimestampMs})`);
    }
    this.lastTimestampMs = timestampMs;
    const events: TrackEvent[] = [];
    for (const track of [...this.tracks.values()]) {
      if (timestampMs - track.lastSeenMs > this.options.maxAgeMs) this.close(track, events);
    }

    const previous = [...this.tracks.values()];
    const matchable = previous.map((track) => ({ id: track.id, classId: track.classId, box: track.box, predicted: track.predictedBox(timestampMs) }));
    const trackIdOf = greedyMatch(matchable, detections, { minIou: this.options.matchIou, maxCentreDistance: this.options.maxCentreDistance });
    const tracked = detections.map((detection, index) => {
      const matchedId = trackIdOf.get(index);
      const track = matchedId === undefined
        ? this.open(detection, timestampMs)
        : this.follow(this.tracks.get(matchedId)!, detection, timestampMs, events);
      if (!track.confirmed && track.hits >= this.options.minHits) {
        track.confirmed = true;
        events.push(track.event('appeared'));
      }
      return { ...detection, trackId: track.id };
    });

    const matchedIds = new Set(trackIdOf.values());
    for (const track of previous) {
      if (matchedIds.has(track.id)) continue;
      track.miss();
      // A tentative track needs consecutive sightings, so one miss ends it (silently: it never appeared).
      if (!track.confirmed || track.misses >= this.options.maxMisses) this.close(track, events);
    }
    return { tracked, events };
  }

  /** Ends every track (the camera stopped or was removed): `left` for each confirmed one. */
  closeAll(): TrackEvent[] {
    const events: TrackEvent[] = [];
    for (const track of [...this.tracks.values()]) this.close(track, events);
    return events;
  }

  private open(detection: RawDetection, timestampMs: number): Track {
    const track = new Track(this.nextTrackId++, detection, timestampMs);
    this.tracks.set(track.id, track);
    return track;
  }

  private follow(track: Track, detection: RawDetection, timestampMs: number, events: TrackEvent[]): Track {
    const previousLabel = track.observe(detection, timestampMs, this.options.classChangeHits);
    if (previousLabel !== null && track.confirmed) events.push(track.classChangedEvent(previousLabel));
    return track;
  }

  private close(track: Track, events: TrackEvent[]): void {
    this.tracks.delete(track.id);
    if (track.confirmed) events.push(track.event('left'));
  }
}

function validOptions(options: IouTrackerOptions): IouTrackerOptions {
  const { matchIou, maxCentreDistance, minHits, maxMisses, maxAgeMs, classChangeHits, firstTrackId } = options;
  if (!(matchIou > 0 && matchIou <= 1)) throw new RangeError('matchIou must be in (0, 1]');
  if (!(maxCentreDistance >= 0)) throw new RangeError('maxCentreDistance must be >= 0');
  for (const [name, value] of Object.entries({ minHits, maxMisses, classChangeHits })) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be an integer >= 1`);
  }
  if (!(maxAgeMs > 0)) throw new RangeError('maxAgeMs must be > 0');
  if (!Number.isSafeInteger(firstTrackId) || firstTrackId < 0) throw new RangeError('firstTrackId must be an integer >= 0');
  return options;
}
