import type { RawDetection } from '../../model/detector.port';
import { iou } from '../../pipeline/domain/nms';

type Box = RawDetection['box'];

/** What matching needs to know about an open track. */
export interface MatchableTrack {
  id: number;
  classId: number;
  box: Box;
  /** Where the track is expected now, moved on by its velocity; the last box when unknown. */
  predicted?: Box;
}

export interface MatchOptions {
  /** Lowest IoU (inclusive) with the track's last or predicted box for a pair to match by overlap. */
  minIou: number;
  /**
   * Without enough overlap, a same-class detection of similar size still matches when its centre
   * lies within this many box sizes of the predicted centre: at about 1 frame/s a walking person or
   * a passing car moves further than its own width between frames. 0 turns this off.
   */
  maxCentreDistance: number;
}

/** A detection more than this many times larger or smaller (by area) than the track is another object. */
const MAX_AREA_RATIO = 3;

interface Candidate {
  trackId: number;
  detectionIndex: number;
  sameClass: boolean;
  /** Overlap matches rank above nearness matches. */
  byOverlap: boolean;
  /** IoU for overlap matches, 1 - distance/limit for nearness matches: higher is better. */
  affinity: number;
}

/**
 * Greedy assignment of detections to tracks. Candidates are pairs that overlap (IoU >= minIou
 * with the last or the predicted box) or, for the same class and a similar size, lie near the
 * predicted position. Same-class pairs go first, then overlap before nearness, then the higher
 * affinity; each track and detection is used once. Returns detection index -> track id. Ties
 * fall to the older track, then the earlier detection.
 */
export function greedyMatch(
  tracks: readonly MatchableTrack[],
  detections: readonly RawDetection[],
  options: MatchOptions,
): Map<number, number> {
  const candidates: Candidate[] = [];
  for (const track of tracks) {
    detections.forEach((detection, detectionIndex) => {
      const candidate = pairOf(track, detection, options);
      if (candidate) candidates.push({ ...candidate, trackId: track.id, detectionIndex });
    });
  }
  candidates.sort((a, b) =>
    Number(b.sameClass) - Number(a.sameClass) || Number(b.byOverlap) - Number(a.byOverlap)
    || b.affinity - a.affinity || a.trackId - b.trackId || a.detectionIndex - b.detectionIndex);

  const trackOf = new Map<number, number>();
  const usedTracks = new Set<number>();
  for (const { trackId, detectionIndex } of candidates) {
    if (usedTracks.has(trackId) || trackOf.has(detectionIndex)) continue;
    usedTracks.add(trackId);
    trackOf.set(detectionIndex, trackId);
  }
  return trackOf;
}

function pairOf(track: MatchableTrack, detection: RawDetection, options: MatchOptions): Omit<Candidate, 'trackId' | 'detectionIndex'> | null {
  const sameClass = track.classId === detection.classId;
  const predicted = track.predicted ?? track.box;
  const overlap = Math.max(iou(track.box, detection.box), iou(predicted, detection.box));
  if (overlap >= options.minIou) return { sameClass, byOverlap: true, affinity: overlap };
  if (!sameClass || options.maxCentreDistance <= 0 || !similarSize(track.box, detection.box)) return null;
  const distance = centreDistance(predicted, detection.box) / boxSize(track.box, detection.box);
  if (distance > options.maxCentreDistance) return null;
  return { sameClass, byOverlap: false, affinity: 1 - distance / options.maxCentreDistance };
}

function area([x1, y1, x2, y2]: Box): number {
  return Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
}

function similarSize(a: Box, b: Box): boolean {
  const [small, large] = [area(a), area(b)].sort((x, y) => x - y);
  return small > 0 && large / small <= MAX_AREA_RATIO;
}

function centreDistance(a: Box, b: Box): number {
  return Math.hypot((a[0] + a[2] - b[0] - b[2]) / 2, (a[1] + a[3] - b[1] - b[3]) / 2);
}

/** The mean of the two boxes' larger sides: the unit the centre distance is measured in. */
function boxSize(a: Box, b: Box): number {
  return (Math.max(a[2] - a[0], a[3] - a[1]) + Math.max(b[2] - b[0], b[3] - b[1])) / 2;
}
