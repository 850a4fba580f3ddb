import type { RawDetection } from '../../model/detector.port';
import { iou } from '../../pipeline/domain/nms';
import { DEFAULT_TRACKER_OPTIONS, IouTracker, IouTrackerOptions, TrackerUpdate } from './iou-tracker';
import streetClip from './street-clip-detections.fixture.json';
import type { TrackEvent } from './track-event';

type Box = RawDetection['box'];

const CLASS_IDS: Record<string, number> = { person: 0, car: 2, truck: 7 };
const PARKED_CAR: Box = [0.2, 0.5, 0.45, 0.75];

function detection(label: string, box: Box, score = 0.8): RawDetection {
  return { classId: CLASS_IDS[label], label, score, box };
}

function moved(box: Box, dx: number, dy = 0): Box {
  return [box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy];
}

/** Feeds one frame per second, starting at 0 ms. */
function feed(tracker: IouTracker, frames: RawDetection[][]): TrackerUpdate[] {
  return frames.map((frame, second) => tracker.update(frame, second * 1000));
}

function eventsOf(updates: TrackerUpdate[]): TrackEvent[] {
  return updates.flatMap((update) => update.events);
}

function summary(events: TrackEvent[]): string[] {
  return events.map((event) => `${event.kind} ${event.trackId} ${event.label}`);
}

function repeat<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index));
}

describe('IouTracker', () => {
  it('reports a car parked for 30 frames as one appeared and, once gone, one left', () => {
    const tracker = new IouTracker();
    const updates = feed(tracker, [...repeat(30, () => [detection('car', PARKED_CAR)]), [], [], []]);

    expect(summary(eventsOf(updates))).toEqual(['appeared 1 car', 'left 1 car']);
    expect(new Set(updates.slice(0, 30).map((update) => update.tracked[0].trackId))).toEqual(new Set([1]));
    const left = eventsOf(updates)[1];
    expect(left).toMatchObject({ firstSeenMs: 0, lastSeenMs: 29_000, box: PARKED_CAR });
  });

  it('describes a new track in its appeared event', () => {
    const tracker = new IouTracker({ minHits: 1 });
    const { tracked, events } = tracker.update([detection('person', [0.1, 0.2, 0.2, 0.6], 0.66)], 5_000);
    expect(tracked).toEqual([{ ...detection('person', [0.1, 0.2, 0.2, 0.6], 0.66), trackId: 1 }]);
    expect(events).toEqual([
      { kind: 'appeared', trackId: 1, label: 'person', score: 0.66, box: [0.1, 0.2, 0.2, 0.6], firstSeenMs: 5_000, lastSeenMs: 5_000 },
    ]);
  });

  it('keeps one track for a jittering box and reports its latest box and best score', () => {
    const jitter = [0.01, -0.012, 0.008, -0.01, 0.012, 0, -0.008, 0.01];
    const frames = repeat(30, (i) => [detection('car', moved(PARKED_CAR, jitter[i % 8], -jitter[(i + 3) % 8]), 0.9 - Math.abs(i - 10) / 100)]);
    const tracker = new IouTracker();
    const updates = feed(tracker, frames);

    expect(new Set(updates.map((update) => update.tracked[0].trackId)).size).toBe(1);
    expect(summary(eventsOf(updates))).toEqual(['appeared 1 car']);
    const [left] = tracker.closeAll();
    expect(left.box).toEqual(frames[29][0].box);
    expect(left.score).toBeCloseTo(0.9, 10);
  });

  it('follows an object moving steadily across the frame', () => {
    const tracker = new IouTracker();
    const updates = feed(tracker, repeat(10, (i) => [detection('person', moved([0.1, 0.3, 0.2, 0.7], 0.03 * i))]));
    expect(updates.map((update) => update.tracked[0].trackId)).toEqual(repeat(10, () => 1));
  });

  it('starts a new track when the overlap falls below matchIou', () => {
    // Consecutive boxes overlap with IoU 0.6: enough by default, not for matchIou 0.7.
    const frames = repeat(2, (i) => [detection('person', moved([0.1, 0.3, 0.2, 0.7], 0.025 * i))]);
    const byOverlapOnly = { maxCentreDistance: 0 };
    expect(feed(new IouTracker(byOverlapOnly), frames).map((update) => update.tracked[0].trackId)).toEqual([1, 1]);
    expect(feed(new IouTracker({ ...byOverlapOnly, matchIou: 0.7 }), frames).map((update) => update.tracked[0].trackId)).toEqual([1, 2]);
  });

  it('makes two tracks, with two appeared events, for an object that leaves and comes back', () => {
    const car = [detection('car', PARKED_CAR)];
    const tracker = new IouTracker();
    const updates = feed(tracker, [car, car, [], [], [], car, car]);

    expect(summary(eventsOf(updates))).toEqual(['appeared 1 car', 'left 1 car', 'appeared 2 car']);
    expect(updates[5].tracked[0].trackId).toBe(2);
  });

  it('keeps the track of an object missed for fewer than maxMisses updates', () => {
    const car = [detection('car', PARKED_CAR)];
    const tracker = new IouTracker({ minHits: 1 });
    const updates = feed(tracker, [car, [], [], car]);

    expect(summary(eventsOf(updates))).toEqual(['appeared 1 car']);
    expect(updates[3].tracked[0].trackId).toBe(1);
  });

  it('emits left on exactly the maxMisses-th missed update', () => {
    const tracker = new IouTracker({ minHits: 1, maxMisses: 2 });
    const updates = feed(tracker, [[detection('car', PARKED_CAR)], [], []]);
    expect(updates.map((update) => summary(update.events))).toEqual([['appeared 1 car'], [], ['left 1 car']]);
    expect(tracker.trackCount).toBe(0);
  });

  it('ends a track not seen for longer than maxAgeMs, even without missed updates', () => {
    const car = detection('car', PARKED_CAR);
    const tracker = new IouTracker({ minHits: 1, maxAgeMs: 5_000 });
    tracker.update([car], 0);
    expect(tracker.update([car], 5_000).events).toEqual([]);
    const late = tracker.update([car], 10_001);

    expect(summary(late.events)).toEqual(['left 1 car', 'appeared 2 car']);
    expect(late.events[0]).toMatchObject({ firstSeenMs: 0, lastSeenMs: 5_000 });
    expect(late.tracked[0].trackId).toBe(2);
  });

  it('keeps the ids of two objects crossing each other while IoU allows', () => {
    // A walks right, B walks left, slightly lower; they overlap around the middle frames.
    const frames = repeat(13, (i) => [
      detection('person', moved([0.2, 0.3, 0.4, 0.7], 0.05 * i)),
      detection('person', moved([0.8, 0.4, 1.0, 0.8], -0.05 * i)),
    ]);
    expect(iou(frames[6][0].box, frames[6][1].box)).toBeGreaterThan(0.5);
    const tracker = new IouTracker();
    const updates = feed(tracker, frames.map((frame, i) => (i % 2 ? [frame[1], frame[0]] : frame)));

    const idsOfA = updates.map((update, i) => update.tracked[i % 2 ? 1 : 0].trackId);
    const idsOfB = updates.map((update, i) => update.tracked[i % 2 ? 0 : 1].trackId);
    expect(idsOfA).toEqual(repeat(13, () => 1));
    expect(idsOfB).toEqual(repeat(13, () => 2));
    expect(summary(eventsOf(updates)).sort()).toEqual(['appeared 1 person', 'appeared 2 person']);
  });

  it('follows a person walking more than their own width between frames (1 frame/s)', () => {
    // 0.04 wide, 0.06 further each second: consecutive boxes never overlap.
    const frames = repeat(8, (i) => [detection('person', moved([0.1, 0.4, 0.14, 0.55], 0.06 * i))]);
    expect(iou(frames[0][0].box, frames[1][0].box)).toBe(0);
    const updates = feed(new IouTracker(), frames);
    expect(new Set(updates.map((update) => update.tracked[0].trackId))).toEqual(new Set([1]));
    expect(summary(eventsOf(updates))).toEqual(['appeared 1 person']);
  });

  it('follows a car crossing the frame faster each second by predicting where it goes', () => {
    // 0.1 wide; the first step is 0.12, then it speeds up to 0.2 per second.
    const steps = [0, 0.12, 0.32, 0.52, 0.72];
    const updates = feed(new IouTracker(), steps.map((dx) => [detection('car', moved([0.02, 0.5, 0.12, 0.56], dx))]));
    expect(updates.map((update) => update.tracked[0].trackId)).toEqual([1, 1, 1, 1, 1]);
  });

  it('raises nothing for a detection seen in one frame only (minHits 2)', () => {
    const updates = feed(new IouTracker(), [[detection('person', [0.5, 0.5, 0.55, 0.6])], [], []]);
    expect(eventsOf(updates)).toEqual([]);
  });

  it('turns a busy street at 1 frame/s into far fewer events than detections', () => {
    const { frames } = streetClip as unknown as { frames: RawDetection[][] };
    const detections = frames.flat().length;
    const appearedWith = (options: Partial<IouTrackerOptions>) =>
      eventsOf(feed(new IouTracker(options), frames)).filter((event) => event.kind === 'appeared').length;

    const overlapOnly = appearedWith({ maxCentreDistance: 0, minHits: 1 });
    const defaults = appearedWith({});
    expect(overlapOnly).toBeGreaterThan(detections * 0.4);
    expect(defaults).toBeLessThan(detections * 0.2);
    expect(defaults).toBeGreaterThanOrEqual(frames[0].length);
  });

  it('does not emit class-changed for a one-frame class flicker', () => {
    const frames = [...repeat(5, () => 'car'), 'truck', ...repeat(3, () => 'car')].map((label) => [detection(label, PARKED_CAR)]);
    const tracker = new IouTracker();
    const updates = feed(tracker, frames);

    expect(summary(eventsOf(updates))).toEqual(['appeared 1 car']);
    expect(updates.map((update) => update.tracked[0].trackId)).toEqual(repeat(9, () => 1));
    // The frame's own detection is returned unchanged; the track's class stays car.
    expect(updates[5].tracked[0].label).toBe('truck');
    expect(summary(tracker.closeAll())).toEqual(['left 1 car']);
  });

  it('emits class-changed once a new class holds for classChangeHits updates', () => {
    const frames = [...repeat(5, () => 'car'), ...repeat(4, () => 'truck')].map((label, i) => [detection(label, PARKED_CAR, i === 6 ? 0.7 : 0.6)]);
    const tracker = new IouTracker();
    const updates = feed(tracker, frames);

    expect(updates.map((update) => summary(update.events))[6]).toEqual(['class-changed 1 truck']);
    expect(updates[6].events[0]).toMatchObject({ previousLabel: 'car', score: 0.7, firstSeenMs: 0, lastSeenMs: 6_000 });
    expect(summary(eventsOf(updates))).toEqual(['appeared 1 car', 'class-changed 1 truck']);
    expect(summary(tracker.closeAll())).toEqual(['left 1 truck']);
  });

  it('waits for classChangeHits consecutive matches of the new class', () => {
    const frames = ['car', 'truck', 'truck', 'truck'].map((label) => [detection(label, PARKED_CAR)]);
    const updates = feed(new IouTracker({ minHits: 1, classChangeHits: 3 }), frames);
    expect(updates.map((update) => summary(update.events))).toEqual([['appeared 1 car'], [], [], ['class-changed 1 truck']]);
  });

  it('does not change class when two other classes alternate', () => {
    const frames = ['car', 'car', 'truck', 'person', 'truck', 'person'].map((label) => [detection(label, PARKED_CAR)]);
    const tracker = new IouTracker();
    expect(summary(eventsOf(feed(tracker, frames)))).toEqual(['appeared 1 car']);
  });

  it('does not change class on flickers that are not consecutive', () => {
    const frames = ['car', 'car', 'truck', 'car', 'truck', 'car', 'truck'].map((label) => [detection(label, PARKED_CAR)]);
    const tracker = new IouTracker();
    expect(summary(eventsOf(feed(tracker, frames)))).toEqual(['appeared 1 car']);
  });

  it('announces a track that changed class before it was confirmed with its settled class only', () => {
    const frames = ['car', 'truck', 'truck', 'truck'].map((label) => [detection(label, PARKED_CAR)]);
    const tracker = new IouTracker({ minHits: 3 });
    const updates = feed(tracker, frames);
    expect(updates.map((update) => summary(update.events))).toEqual([[], [], ['appeared 1 truck'], []]);
  });

  it('hides a single-frame flicker when minHits is 2', () => {
    const tracker = new IouTracker({ minHits: 2 });
    const updates = feed(tracker, [[detection('person', [0.6, 0.1, 0.7, 0.4])], [], [], [], []]);

    expect(eventsOf(updates)).toEqual([]);
    expect(tracker.trackCount).toBe(0);
  });

  it('reports an object seen in minHits consecutive updates, dated from its first sighting', () => {
    const tracker = new IouTracker({ minHits: 2 });
    const updates = feed(tracker, repeat(3, () => [detection('car', PARKED_CAR)]));

    expect(updates.map((update) => summary(update.events))).toEqual([[], ['appeared 1 car'], []]);
    expect(updates[1].events[0]).toMatchObject({ firstSeenMs: 0, lastSeenMs: 1_000 });
  });

  it('requires the minHits sightings to be consecutive', () => {
    const car = [detection('car', PARKED_CAR)];
    const tracker = new IouTracker({ minHits: 2 });
    const updates = feed(tracker, [car, [], car, car]);

    expect(summary(eventsOf(updates))).toEqual(['appeared 2 car']);
  });

  it('hands out increasing ids and never reuses one', () => {
    const spot = (i: number): Box => moved([0, 0.1, 0.1, 0.3], 0.15 * (i % 6));
    const frames = repeat(24, (i) => (i % 4 === 3 ? [] : [detection('car', spot(Math.floor(i / 4)))]));
    const tracker = new IouTracker({ maxMisses: 1 });
    const ids = feed(tracker, frames).flatMap((update) => update.tracked.map((tracked) => tracked.trackId));

    const distinct = [...new Set(ids)];
    expect(distinct).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('gives a new object in the same frame as a tracked one the next id', () => {
    const tracker = new IouTracker();
    tracker.update([detection('car', PARKED_CAR)], 0);
    const { tracked } = tracker.update([detection('person', [0.7, 0.1, 0.8, 0.5]), detection('car', PARKED_CAR)], 1_000);
    expect(tracked.map((t) => t.trackId)).toEqual([2, 1]);
  });

  it('starts numbering at firstTrackId', () => {
    const tracker = new IouTracker({ firstTrackId: 41 });
    expect(tracker.update([detection('car', PARKED_CAR)], 0).tracked[0].trackId).toBe(41);
  });

  it('holds no track after every object has left', () => {
    const tracker = new IouTracker();
    const crowd = repeat(50, (i) => detection('person', [i / 50, 0, i / 50 + 0.015, 0.1]));
    tracker.update(crowd, 0);
    expect(tracker.trackCount).toBe(50);
    feed(tracker, [[], [], []]);
    expect(tracker.trackCount).toBe(0);
  });

  it('closes every track on closeAll, announcing only those that appeared', () => {
    const tracker = new IouTracker({ minHits: 2 });
    tracker.update([detection('car', PARKED_CAR)], 0);
    tracker.update([detection('car', PARKED_CAR), detection('person', [0.7, 0.1, 0.8, 0.5])], 1_000);

    expect(summary(tracker.closeAll())).toEqual(['left 1 car']);
    expect(tracker.trackCount).toBe(0);
  });

  it('refuses a timestamp earlier than the previous update', () => {
    const tracker = new IouTracker();
    tracker.update([], 2_000);
    expect(() => tracker.update([], 2_000)).not.toThrow();
    expect(() => tracker.update([], 1_999)).toThrow(RangeError);
  });

  it('uses the documented defaults and refuses invalid options', () => {
    expect(DEFAULT_TRACKER_OPTIONS).toEqual({ matchIou: 0.3, maxCentreDistance: 1.5, minHits: 2, maxMisses: 3, maxAgeMs: 5000, classChangeHits: 2, firstTrackId: 1 });
    const invalid: Partial<IouTrackerOptions>[] = [
      { matchIou: 0 }, { maxCentreDistance: -1 }, { matchIou: 1.1 }, { minHits: 0 }, { maxMisses: 1.5 }, { classChangeHits: 0 }, { maxAgeMs: 0 }, { firstTrackId: -1 },
    ];
    for (const options of invalid) expect(() => new IouTracker(options)).toThrow(RangeError);
  });
});
