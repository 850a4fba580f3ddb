import type { Point, Polygon } from './types';

/** Limits of the API (apps/api/src/cameras/domain/roi.ts). */
export const MAX_POLYGONS = 16;
export const MAX_POINTS = 64;

export interface Size {
  width: number;
  height: number;
}

export interface PixelPoint {
  x: number;
  y: number;
}

/** Which vertex: of a closed polygon (its index) or of the polygon being drawn. */
export interface HandleRef {
  polygon: number | 'draft';
  point: number;
}

const DECIMALS = 10_000;

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** A position in the picture's pixels to normalised coordinates, clamped to the picture and rounded to 4 decimals. */
export function toNormalised(position: PixelPoint, size: Size): Point {
  if (size.width <= 0 || size.height <= 0) return [0, 0];
  return [
    Math.round(clamp01(position.x / size.width) * DECIMALS) / DECIMALS,
    Math.round(clamp01(position.y / size.height) * DECIMALS) / DECIMALS,
  ];
}

export function toPixels(point: Point, size: Size): PixelPoint {
  return { x: point[0] * size.width, y: point[1] * size.height };
}

/**
 * The vertex under a pointer: the nearest within `radius` pixels, the draft before the closed
 * polygons and later polygons before earlier ones (they are drawn on top).
 */
export function hitHandle(
  polygons: readonly Polygon[],
  draft: readonly Point[] | null,
  position: PixelPoint,
  size: Size,
  radius: number,
): HandleRef | null {
  const layers: { polygon: HandleRef['polygon']; points: readonly Point[] }[] = [
    ...(draft ? [{ polygon: 'draft' as const, points: draft }] : []),
    ...polygons.map((points, index) => ({ polygon: index, points })).reverse(),
  ];
  for (const { polygon, points } of layers) {
    let nearest: HandleRef | null = null;
    let nearestDistance = radius;
    for (let index = 0; index < points.length; index++) {
      const pixel = toPixels(points[index]!, size);
      const distance = Math.hypot(pixel.x - position.x, pixel.y - position.y);
      if (distance <= nearestDistance) {
        nearest = { polygon, point: index };
        nearestDistance = distance;
      }
    }
    if (nearest) return nearest;
  }
  return null;
}

/** Ray casting; points exactly on an edge may fall either way. */
export function pointInPolygon(point: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The topmost polygon containing the point, or null. */
export function polygonAt(polygons: readonly Polygon[], point: Point): number | null {
  for (let index = polygons.length - 1; index >= 0; index--) {
    if (pointInPolygon(point, polygons[index]!)) return index;
  }
  return null;
}

/** Moves every vertex by (dx, dy), keeping the whole polygon inside the picture. */
export function translatePolygon(polygon: readonly Point[], dx: number, dy: number): Polygon {
  const xs = polygon.map(([x]) => x);
  const ys = polygon.map(([, y]) => y);
  const boundedDx = Math.min(Math.max(dx, -Math.min(...xs)), 1 - Math.max(...xs));
  const boundedDy = Math.min(Math.max(dy, -Math.min(...ys)), 1 - Math.max(...ys));
  return polygon.map(([x, y]) => [round(x + boundedDx), round(y + boundedDy)]);
}

function round(value: number): number {
  return Math.round(value * DECIMALS) / DECIMALS;
}

/** SVG `points` attribute of a polygon drawn at `size`. */
export function svgPoints(points: readonly Point[], size: Size): string {
  return points.map((point) => {
    const { x, y } = toPixels(point, size);
    return `${x},${y}`;
  }).join(' ');
}
