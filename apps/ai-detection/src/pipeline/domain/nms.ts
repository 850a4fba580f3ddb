import type { RawDetection } from '../../model/detector.port';

/** [x1, y1, x2, y2] in normalised coordinates of the original picture. */
export type Box = RawDetection['box'];

/** The usual YOLO default: boxes of one class overlapping more than this are duplicates. */
export const DEFAULT_NMS_IOU = 0.45;

/** Intersection over union of two xyxy boxes; 0 when either has no area. */
export function iou(a: Box, b: Box): number {
  const width = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const height = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (width <= 0 || height <= 0) return 0;
  const intersection = width * height;
  const union = area(a) + area(b) - intersection;
  return union > 0 ? intersection / union : 0;
}

function area(box: Box): number {
  return Math.max(0, box[2] - box[0]) * Math.max(0, box[3] - box[1]);
}

/**
 * Class-aware greedy non-maximum suppression. A box is dropped when it overlaps a kept box of the
 * same `classId` with an IoU strictly above `iouThreshold` (IoU equal to the threshold is kept).
 * Boxes of different classes never suppress each other. The result is ordered by score, highest
 * first; equal scores keep their input order.
 */
export function nms(detections: readonly RawDetection[], iouThreshold = DEFAULT_NMS_IOU): RawDetection[] {
  const byScore = [...detections].sort((a, b) => b.score - a.score);
  const keptByClass = new Map<number, RawDetection[]>();
  const kept: RawDetection[] = [];
  for (const candidate of byScore) {
    const sameClass = keptByClass.get(candidate.classId) ?? [];
    if (sameClass.some((winner) => iou(winner.box, candidate.box) > iouThreshold)) continue;
    sameClass.push(candidate);
    keptByClass.set(candidate.classId, sameClass);
    kept.push(candidate);
  }
  return kept;
}
