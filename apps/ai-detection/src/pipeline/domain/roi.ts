import type { Box } from './nms';

/** [x, y] in normalised coordinates (0..1, top-left origin). */
export type Point = [number, number];
export type Polygon = Point[];

/** Distance (normalised units) within which a point counts as lying on an edge: absorbs float noise. */
const EDGE_TOLERANCE = 1e-9;

/**
 * True when `point` lies inside `polygon` (closed implicitly, either winding, convex or not).
 * A point exactly on an edge or a vertex counts as inside, so a full-frame polygon keeps an
 * object whose box touches the frame border. A polygon with fewer than 3 points contains nothing.
 */
export function pointInPolygon(point: Point, polygon: readonly Point[]): boolean {
  if (polygon.length < 3) return false;
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (onSegment(point, polygon[j], polygon[i])) return true;
    // Half-open rule (one end inclusive, the other not) so a ray through a vertex is counted once.
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function onSegment([x, y]: Point, [ax, ay]: Point, [bx, by]: Point): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(x - ax, y - ay) <= EDGE_TOLERANCE;
  const distanceToLine = Math.abs(dx * (y - ay) - dy * (x - ax)) / length;
  if (distanceToLine > EDGE_TOLERANCE) return false;
  const along = (dx * (x - ax) + dy * (y - ay)) / length;
  return along >= -EDGE_TOLERANCE && along <= length + EDGE_TOLERANCE;
}

/** Where an object touches the ground: the bottom-centre of its box. */
export function bottomCentre(box: Box): Point {
  return [(box[0] + box[2]) / 2, box[3]];
}

/** True when the box's bottom-centre lies inside any polygon (edges included); no polygons means the whole frame. */
export function insideAnyRoi(box: Box, polygons: readonly (readonly Point[])[]): boolean {
  if (polygons.length === 0) return true;
  const anchor = bottomCentre(box);
  return polygons.some((polygon) => pointInPolygon(anchor, polygon));
}
