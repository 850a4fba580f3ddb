import { describe, expect, it } from 'vitest';
import { hitHandle, pointInPolygon, polygonAt, svgPoints, toNormalised, toPixels, translatePolygon } from './roi-geometry';
import type { Polygon } from './types';

const size = { width: 800, height: 450 };
const square: Polygon = [[0.1, 0.1], [0.4, 0.1], [0.4, 0.4], [0.1, 0.4]];
const triangle: Polygon = [[0.3, 0.3], [0.9, 0.3], [0.6, 0.9]];

describe('pixel <-> normalised', () => {
  it('normalises by the picture size, rounded to 4 decimals', () => {
    expect(toNormalised({ x: 400, y: 225 }, size)).toEqual([0.5, 0.5]);
    expect(toNormalised({ x: 100, y: 150 }, size)).toEqual([0.125, 0.3333]);
  });

  it('clamps positions outside the picture to its edges', () => {
    expect(toNormalised({ x: -20, y: 900 }, size)).toEqual([0, 1]);
  });

  it('gives the origin for a picture of no size (not yet laid out)', () => {
    expect(toNormalised({ x: 10, y: 10 }, { width: 0, height: 0 })).toEqual([0, 0]);
  });

  it('goes back to pixels', () => {
    expect(toPixels([0.5, 0.25], size)).toEqual({ x: 400, y: 112.5 });
    const { x, y } = toPixels(toNormalised({ x: 123, y: 321 }, size), size);
    expect(x).toBeCloseTo(123, 0);
    expect(y).toBeCloseTo(321, 0);
  });

  it('writes SVG points in pixels', () => {
    expect(svgPoints([[0, 0], [0.5, 1]], size)).toBe('0,0 400,450');
  });
});

describe('hitHandle', () => {
  it('finds the vertex under the pointer within the radius', () => {
    expect(hitHandle([square], null, { x: 82, y: 47 }, size, 8)).toEqual({ polygon: 0, point: 0 });
    expect(hitHandle([square], null, { x: 320, y: 180 }, size, 8)).toEqual({ polygon: 0, point: 2 });
  });

  it('misses outside the radius', () => {
    expect(hitHandle([square], null, { x: 100, y: 60 }, size, 8)).toBeNull();
  });

  it('prefers the nearest vertex of the topmost polygon, and the draft above all', () => {
    const overlapping: Polygon = [[0.1, 0.1], [0.2, 0.1], [0.2, 0.2]];
    expect(hitHandle([square, overlapping], null, { x: 80, y: 45 }, size, 8)).toEqual({ polygon: 1, point: 0 });
    expect(hitHandle([square], [[0.1, 0.1]], { x: 80, y: 45 }, size, 8)).toEqual({ polygon: 'draft', point: 0 });
  });

  it('picks the closer of two vertices inside the radius', () => {
    const close: Polygon = [[0.5, 0.5], [0.51, 0.5], [0.5, 0.6]];
    expect(hitHandle([close], null, { x: 407, y: 225 }, size, 10)).toEqual({ polygon: 0, point: 1 });
  });
});

describe('polygons', () => {
  it('tells inside from outside', () => {
    expect(pointInPolygon([0.2, 0.2], square)).toBe(true);
    expect(pointInPolygon([0.5, 0.2], square)).toBe(false);
    expect(pointInPolygon([0.6, 0.5], triangle)).toBe(true);
    expect(pointInPolygon([0.35, 0.8], triangle)).toBe(false);
  });

  it('finds the topmost polygon at a point', () => {
    expect(polygonAt([square, triangle], [0.35, 0.35])).toBe(1);
    expect(polygonAt([square, triangle], [0.15, 0.15])).toBe(0);
    expect(polygonAt([square, triangle], [0.95, 0.05])).toBeNull();
  });

  it('moves a polygon without leaving the picture', () => {
    expect(translatePolygon(square, 0.1, 0)).toEqual([[0.2, 0.1], [0.5, 0.1], [0.5, 0.4], [0.2, 0.4]]);
    expect(translatePolygon(square, -0.5, 0.9)).toEqual([[0, 0.7], [0.3, 0.7], [0.3, 1], [0, 1]]);
  });
});
