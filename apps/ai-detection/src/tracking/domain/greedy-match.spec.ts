import type { RawDetection } from '../../model/detector.port';
import { greedyMatch, MatchableTrack, MatchOptions } from './greedy-match';

const byOverlap = (minIou: number): MatchOptions => ({ minIou, maxCentreDistance: 0 });

function detection(classId: number, box: RawDetection['box']): RawDetection {
  return { classId, label: `class-${classId}`, score: 0.9, box };
}

describe('greedyMatch', () => {
  it('matches each detection to the track it overlaps', () => {
    const tracks: MatchableTrack[] = [
      { id: 1, classId: 0, box: [0.1, 0.1, 0.3, 0.5] },
      { id: 2, classId: 0, box: [0.6, 0.1, 0.8, 0.5] },
    ];
    const detections = [detection(0, [0.62, 0.1, 0.82, 0.5]), detection(0, [0.11, 0.1, 0.31, 0.5])];
    expect(greedyMatch(tracks, detections, byOverlap(0.3))).toEqual(new Map([[0, 2], [1, 1]]));
  });

  it('takes the best overlap first across all pairs, not detections in input order', () => {
    // Detection 0 overlaps track 1 (0.6) and track 2 (about 0.33); detection 1 overlaps track 1 better (about 0.82).
    const tracks: MatchableTrack[] = [
      { id: 1, classId: 0, box: [0.2, 0, 0.4, 1] },
      { id: 2, classId: 0, box: [0.05, 0, 0.25, 1] },
    ];
    const detections = [detection(0, [0.15, 0, 0.35, 1]), detection(0, [0.22, 0, 0.42, 1])];
    expect(greedyMatch(tracks, detections, byOverlap(0.3))).toEqual(new Map([[1, 1], [0, 2]]));
  });

  it('prefers a same-class track over a better-overlapping track of another class', () => {
    const tracks: MatchableTrack[] = [
      { id: 1, classId: 0, box: [0.3, 0.1, 0.5, 0.9] },
      { id: 2, classId: 2, box: [0.2, 0.1, 0.5, 0.9] },
    ];
    const car = detection(2, [0.3, 0.1, 0.5, 0.9]);
    expect(greedyMatch(tracks, [car], byOverlap(0.3))).toEqual(new Map([[0, 2]]));
  });

  it('still matches across classes when no same-class track overlaps', () => {
    const tracks: MatchableTrack[] = [{ id: 1, classId: 2, box: [0.3, 0.1, 0.5, 0.9] }];
    expect(greedyMatch(tracks, [detection(7, [0.31, 0.1, 0.51, 0.9])], byOverlap(0.3))).toEqual(new Map([[0, 1]]));
  });

  it('matches at exactly the threshold and not below it', () => {
    const tracks: MatchableTrack[] = [{ id: 1, classId: 0, box: [0, 0, 1, 1] }];
    const half = detection(0, [0, 0, 0.5, 1]);
    expect(greedyMatch(tracks, [half], byOverlap(0.5))).toEqual(new Map([[0, 1]]));
    expect(greedyMatch(tracks, [half], byOverlap(0.5001))).toEqual(new Map());
  });

  it('gives each track to one detection only', () => {
    const tracks: MatchableTrack[] = [{ id: 1, classId: 0, box: [0.1, 0.1, 0.5, 0.5] }];
    const detections = [detection(0, [0.1, 0.1, 0.5, 0.5]), detection(0, [0.1, 0.1, 0.5, 0.52])];
    expect(greedyMatch(tracks, detections, byOverlap(0.3))).toEqual(new Map([[0, 1]]));
  });

  it('breaks an exact tie in favour of the older track', () => {
    const box: RawDetection['box'] = [0.1, 0.1, 0.5, 0.5];
    const tracks: MatchableTrack[] = [{ id: 5, classId: 0, box }, { id: 3, classId: 0, box }];
    expect(greedyMatch(tracks, [detection(0, box)], byOverlap(0.3))).toEqual(new Map([[0, 3]]));
  });

  describe('objects that moved further than their own size', () => {
    const near: MatchOptions = { minIou: 0.3, maxCentreDistance: 1.5 };
    // A person 0.04 wide and 0.1 tall: its larger side, 0.1, is the distance unit.
    const person: MatchableTrack = { id: 1, classId: 0, box: [0.1, 0.4, 0.14, 0.5] };

    it('matches a same-class detection of similar size within maxCentreDistance box sizes', () => {
      expect(greedyMatch([person], [detection(0, [0.24, 0.4, 0.28, 0.5])], near)).toEqual(new Map([[0, 1]]));
      expect(greedyMatch([person], [detection(0, [0.26, 0.4, 0.30, 0.5])], near)).toEqual(new Map());
    });

    it('never matches another class, a very different size, or anything when turned off', () => {
      expect(greedyMatch([person], [detection(2, [0.2, 0.4, 0.24, 0.5])], near)).toEqual(new Map());
      expect(greedyMatch([person], [detection(0, [0.2, 0.3, 0.3, 0.55])], near)).toEqual(new Map());
      expect(greedyMatch([person], [detection(0, [0.2, 0.4, 0.24, 0.5])], byOverlap(0.3))).toEqual(new Map());
    });

    it('measures from where the track is predicted to be', () => {
      const moving: MatchableTrack = { ...person, predicted: [0.3, 0.4, 0.34, 0.5] };
      expect(greedyMatch([moving], [detection(0, [0.42, 0.4, 0.46, 0.5])], near)).toEqual(new Map([[0, 1]]));
      expect(greedyMatch([person], [detection(0, [0.42, 0.4, 0.46, 0.5])], near)).toEqual(new Map());
    });

    it('counts overlap with the predicted box as overlap', () => {
      const moving: MatchableTrack = { ...person, predicted: [0.5, 0.4, 0.54, 0.5] };
      expect(greedyMatch([moving], [detection(0, [0.505, 0.4, 0.545, 0.5])], byOverlap(0.3))).toEqual(new Map([[0, 1]]));
    });

    it('prefers an overlapping detection to a nearer-centred one that does not overlap enough', () => {
      const car: MatchableTrack = { id: 4, classId: 2, box: [0.4, 0.4, 0.6, 0.5] };
      const overlapping = detection(2, [0.45, 0.4, 0.65, 0.5]);
      const near2 = detection(2, [0.4, 0.52, 0.6, 0.62]);
      expect(greedyMatch([car], [near2, overlapping], near)).toEqual(new Map([[1, 4]]));
    });
  });
});
