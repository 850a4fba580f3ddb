import type { RawDetection } from '../../model/detector.port';
import { iou } from '../../pipeline/domain/nms';

/** What matching needs to know about an open track. */
export interface MatchableTrack {
  id: number;
  classId: number;
  box: RawDetection['box'];
}

interface Candidate {
  trackId: number;
  detectionIndex: number;
  overlap: number;
  sameClass: boolean;
}

/**
 * Greedy assignment of detections to tracks: every pair with IoU >= `minIou` is a candidate;
 * same-class pairs go first, then higher IoU, and each track and detection is used once.
 * Returns detection index -> track id. Ties fall to the older track, then the earlier detection.
 */
export function greedyMatch(
  tracks: readonly MatchableTrack[],
  detections: readonly RawDetection[],
  minIou: number,
): Map<number, number> {
  const candidates: Candidate[] = [];
  for (const track of tracks) {
    detections.forEach((detection, detectionIndex) => {
      const overlap = iou(track.box, detection.box);
      if (overlap >= minIou) {
        candidates.push({ trackId: track.id, detectionIndex, overlap, sameClass: track.classId === detection.classId });
      }
    });
  }
  candidates.sort((a, b) =>
    Number(b.sameClass) - Number(a.sameClass) || b.overlap - a.overlap || a.trackId - b.trackId || a.detectionIndex - b.detectionIndex);

  const trackOf = new Map<number, number>();
  const usedTracks = new Set<number>();
  for (const { trackId, detectionIndex } of candidates) {
    if (usedTracks.has(trackId) || trackOf.has(detectionIndex)) continue;
    usedTracks.add(trackId);
    trackOf.set(detectionIndex, trackId);
  }
  return trackOf;
}
