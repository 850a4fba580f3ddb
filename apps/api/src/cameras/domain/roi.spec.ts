import { DomainError } from '@vms/platform/errors/domain-error';
import { isSelfIntersecting, MAX_POINTS, MAX_POLYGONS, Point, Polygon, validateRoi } from './roi';

const triangle: Polygon = [[0.1, 0.1], [0.9, 0.1], [0.5, 0.9]];
const square: Polygon = [[0.2, 0.2], [0.8, 0.2], [0.8, 0.8], [0.2, 0.8]];
/** Crossing edges but a non-zero signed area, so only the intersection rule can reject it. */
const bowTie: Polygon = [[0, 0], [1, 1], [1, 0], [0, 0.5]];

function roiError(polygons: Polygon[]): DomainError {
  try {
    validateRoi(polygons);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected validateRoi to throw');
}

describe('validateRoi', () => {
  it('accepts a triangle and a square', () => {
    expect(validateRoi([triangle, square])).toEqual([triangle, square]);
  });

  it('accepts an empty list', () => {
    expect(validateRoi([])).toEqual([]);
  });

  it('accepts points on the edges 0 and 1', () => {
    const unit: Polygon = [[0, 0], [1, 0], [1, 1], [0, 1]];
    expect(validateRoi([unit])).toEqual([unit]);
  });

  it('returns copies, not the caller\'s arrays', () => {
    const [result] = validateRoi([triangle]);
    expect(result).not.toBe(triangle);
    expect(result[0]).not.toBe(triangle[0]);
  });

  it('refuses a polygon with fewer than 3 points', () => {
    const error = roiError([[[0.1, 0.1], [0.9, 0.9]]]);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('CAMERA.ROI_INVALID');
    expect(error.message).toMatch(/at least 3 points/);
  });

  it.each<[string, Point]>([
    ['x below 0', [-0.01, 0.5]],
    ['y below 0', [0.5, -0.01]],
    ['x above 1', [1.01, 0.5]],
    ['y above 1', [0.5, 1.01]],
    ['NaN', [Number.NaN, 0.5]],
    ['Infinity', [Number.POSITIVE_INFINITY, 0.5]],
  ])('refuses a point with %s', (_label, bad) => {
    const error = roiError([[[0.1, 0.1], [0.9, 0.1], bad]]);
    expect(error.code).toBe('CAMERA.ROI_INVALID');
    expect(error.message).toMatch(/0 <= x, y <= 1/);
  });

  it('refuses a point that is not a pair', () => {
    const error = roiError([[[0.1, 0.1], [0.9, 0.1], [0.5, 0.9, 0.2] as unknown as Point]]);
    expect(error.code).toBe('CAMERA.ROI_INVALID');
  });

  it('refuses a self-intersecting bow-tie', () => {
    const error = roiError([bowTie]);
    expect(error.code).toBe('CAMERA.ROI_INVALID');
    expect(error.message).toMatch(/intersects itself/);
  });

  it('refuses collinear points (zero area)', () => {
    const error = roiError([[[0.1, 0.1], [0.5, 0.5], [0.9, 0.9]]]);
    expect(error.code).toBe('CAMERA.ROI_INVALID');
    expect(error.message).toMatch(/no area/);
  });

  it('refuses more than MAX_POLYGONS polygons', () => {
    const error = roiError(Array.from({ length: MAX_POLYGONS + 1 }, () => triangle));
    expect(error.code).toBe('CAMERA.ROI_INVALID');
    expect(error.details).toEqual([{ field: 'ai.roi', message: `at most ${MAX_POLYGONS} polygons` }]);
  });

  it('accepts exactly MAX_POLYGONS polygons', () => {
    expect(validateRoi(Array.from({ length: MAX_POLYGONS }, () => triangle))).toHaveLength(MAX_POLYGONS);
  });

  it('refuses a polygon with more than MAX_POINTS points', () => {
    const circle: Polygon = Array.from({ length: MAX_POINTS + 1 }, (_, i) => {
      const angle = (2 * Math.PI * i) / (MAX_POINTS + 1);
      return [0.5 + 0.4 * Math.cos(angle), 0.5 + 0.4 * Math.sin(angle)];
    });
    const error = roiError([circle]);
    expect(error.code).toBe('CAMERA.ROI_INVALID');
    expect(error.message).toMatch(`at most ${MAX_POINTS} points`);
  });

  it('names the offending polygon by index in the error field', () => {
    const error = roiError([triangle, square, bowTie]);
    expect(error.details).toEqual([{ field: 'ai.roi.2', message: 'the polygon intersects itself' }]);
  });
});

describe('isSelfIntersecting', () => {
  it('is false for a simple triangle and a convex square', () => {
    expect(isSelfIntersecting(triangle)).toBe(false);
    expect(isSelfIntersecting(square)).toBe(false);
  });

  it('is false for a concave but simple polygon', () => {
    expect(isSelfIntersecting([[0, 0], [1, 0], [1, 1], [0.5, 0.3], [0, 1]])).toBe(false);
  });

  it('is true for a bow-tie', () => {
    expect(isSelfIntersecting([[0, 0], [1, 1], [1, 0], [0, 1]])).toBe(true);
  });

  it('is true when a vertex touches a non-neighbouring edge', () => {
    expect(isSelfIntersecting([[0, 0], [1, 0], [0.5, 0], [0.5, 1]])).toBe(true);
  });
});
