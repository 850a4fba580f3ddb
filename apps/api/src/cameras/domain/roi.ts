import { CameraErrors } from './camera.errors';

export type Point = [number, number];
export type Polygon = Point[];

export const MAX_POLYGONS = 16;
export const MAX_POINTS = 64;

/** Validates ROI polygons in normalised coordinates: 3+ points in 0..1, a real area, no self-intersection. */
export function validateRoi(polygons: Polygon[]): Polygon[] {
  if (polygons.length > MAX_POLYGONS) throw CameraErrors.roiInvalid('ai.roi', `at most ${MAX_POLYGONS} polygons`);
  polygons.forEach((polygon, index) => validatePolygon(polygon, `ai.roi.${index}`));
  return polygons.map((polygon) => polygon.map(([x, y]) => [x, y] as Point));
}

function validatePolygon(polygon: Polygon, field: string): void {
  if (polygon.length < 3) throw CameraErrors.roiInvalid(field, 'a polygon needs at least 3 points');
  if (polygon.length > MAX_POINTS) throw CameraErrors.roiInvalid(field, `a polygon has at most ${MAX_POINTS} points`);
  for (const point of polygon) {
    const inRange = point.length === 2 && point.every((value) => Number.isFinite(value) && value >= 0 && value <= 1);
    if (!inRange) throw CameraErrors.roiInvalid(field, 'every point is [x, y] with 0 <= x, y <= 1');
  }
  if (Math.abs(signedArea(polygon)) < 1e-9) throw CameraErrors.roiInvalid(field, 'the polygon has no area');
  if (isSelfIntersecting(polygon)) throw CameraErrors.roiInvalid(field, 'the polygon intersects itself');
}

function signedArea(polygon: Polygon): number {
  let area = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [x1, y1] = polygon[i];
    const [x2, y2] = polygon[(i + 1) % polygon.length];
    area += x1 * y2 - x2 * y1;
  }
  return area / 2;
}

/** True when two edges that are not neighbours touch or cross. */
export function isSelfIntersecting(polygon: Polygon): boolean {
  const n = polygon.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const neighbours = j === i + 1 || (i === 0 && j === n - 1);
      if (neighbours) continue;
      if (segmentsIntersect(polygon[i], polygon[(i + 1) % n], polygon[j], polygon[(j + 1) % n])) return true;
    }
  }
  return false;
}

function orientation(a: Point, b: Point, c: Point): number {
  const value = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1]);
  return Math.abs(value) < 1e-12 ? 0 : value > 0 ? 1 : 2;
}

function onSegment(a: Point, b: Point, c: Point): boolean {
  return Math.min(a[0], c[0]) <= b[0] && b[0] <= Math.max(a[0], c[0]) && Math.min(a[1], c[1]) <= b[1] && b[1] <= Math.max(a[1], c[1]);
}

function segmentsIntersect(p1: Point, q1: Point, p2: Point, q2: Point): boolean {
  const o1 = orientation(p1, q1, p2);
  const o2 = orientation(p1, q1, q2);
  const o3 = orientation(p2, q2, p1);
  const o4 = orientation(p2, q2, q1);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(p1, p2, q1)) || (o2 === 0 && onSegment(p1, q2, q1)) ||
    (o3 === 0 && onSegment(p2, p1, q2)) || (o4 === 0 && onSegment(p2, q1, q2));
}
