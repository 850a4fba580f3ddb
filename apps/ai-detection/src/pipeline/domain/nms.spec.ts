import type { RawDetection } from '../../model/detector.port';
import { DEFAULT_NMS_IOU, iou, nms } from './nms';

function detection(classId: number, score: number, box: RawDetection['box']): RawDetection {
  return { classId, label: `class-${classId}`, score, box };
}

describe('iou', () => {
  it('is 1 for identical boxes and 0 for disjoint or merely touching ones', () => {
    expect(iou([0.1, 0.1, 0.5, 0.5], [0.1, 0.1, 0.5, 0.5])).toBe(1);
    expect(iou([0, 0, 0.2, 0.2], [0.5, 0.5, 0.7, 0.7])).toBe(0);
    expect(iou([0, 0, 0.5, 1], [0.5, 0, 1, 1])).toBe(0);
  });

  it('is the intersection over the union', () => {
    // 0.5 x 0.5 boxes shifted by a quarter: intersection 0.0625, union 0.4375.
    expect(iou([0, 0, 0.5, 0.5], [0.25, 0.25, 0.75, 0.75])).toBeCloseTo(1 / 7, 12);
  });

  it('is symmetric and counts a box inside another as its area share', () => {
    expect(iou([0, 0, 1, 1], [0, 0, 0.5, 1])).toBe(0.5);
    expect(iou([0, 0, 0.5, 1], [0, 0, 1, 1])).toBe(0.5);
  });

  it('is 0 for a box without area instead of NaN', () => {
    expect(iou([0.3, 0.3, 0.3, 0.3], [0.3, 0.3, 0.3, 0.3])).toBe(0);
  });
});

describe('nms', () => {
  it('keeps only the higher-scoring of two overlapping boxes of the same class', () => {
    const weaker = detection(2, 0.6, [0.1, 0.1, 0.5, 0.5]);
    const stronger = detection(2, 0.9, [0.12, 0.1, 0.52, 0.5]);
    expect(nms([weaker, stronger])).toEqual([stronger]);
  });

  it('never lets boxes of different classes suppress each other', () => {
    const car = detection(2, 0.9, [0.1, 0.1, 0.5, 0.5]);
    const truck = detection(7, 0.8, [0.1, 0.1, 0.5, 0.5]);
    expect(nms([car, truck])).toEqual([car, truck]);
  });

  it('keeps same-class boxes that overlap too little', () => {
    const left = detection(0, 0.7, [0, 0, 0.5, 0.5]);
    const right = detection(0, 0.8, [0.25, 0.25, 0.75, 0.75]);
    expect(nms([left, right])).toEqual([right, left]);
  });

  it('keeps a box whose IoU equals the threshold and drops one just above it', () => {
    const whole = detection(0, 0.9, [0, 0, 1, 1]);
    const half = detection(0, 0.8, [0, 0, 0.5, 1]);
    expect(nms([whole, half], 0.5)).toEqual([whole, half]);
    expect(nms([whole, half], 0.4999)).toEqual([whole]);
  });

  it('uses 0.45 by default', () => {
    expect(DEFAULT_NMS_IOU).toBe(0.45);
    const whole = detection(0, 0.9, [0, 0, 1, 1]);
    // IoU 0.46 with the whole frame: above the default, so suppressed.
    const most = detection(0, 0.8, [0, 0, 0.46, 1]);
    const less = detection(0, 0.7, [0.56, 0, 1, 1]);
    expect(nms([whole, most])).toEqual([whole]);
    expect(nms([whole, less])).toEqual([whole, less]);
  });

  it('orders the result by score, highest first, keeping input order for equal scores', () => {
    const a = detection(0, 0.5, [0, 0, 0.1, 0.1]);
    const b = detection(1, 0.9, [0.2, 0.2, 0.3, 0.3]);
    const c = detection(2, 0.5, [0.4, 0.4, 0.5, 0.5]);
    const d = detection(3, 0.7, [0.6, 0.6, 0.7, 0.7]);
    expect(nms([a, b, c, d])).toEqual([b, d, a, c]);
  });

  it('compares each box with the kept boxes only, not with the suppressed ones', () => {
    // b is suppressed by a; c overlaps b heavily but not a, so c survives.
    const a = detection(0, 0.9, [0, 0, 0.4, 0.4]);
    const b = detection(0, 0.8, [0.1, 0, 0.5, 0.4]);
    const c = detection(0, 0.7, [0.25, 0, 0.65, 0.4]);
    expect(nms([a, b, c])).toEqual([a, c]);
  });

  it('returns an empty list for no candidates and does not modify its input', () => {
    expect(nms([])).toEqual([]);
    const input = [detection(0, 0.1, [0, 0, 1, 1]), detection(0, 0.9, [0, 0, 1, 1])];
    const copy = [...input];
    nms(input);
    expect(input).toEqual(copy);
  });
});
