import { bottomCentre, insideAnyRoi, pointInPolygon, Polygon } from './roi';

const square: Polygon = [[0.2, 0.2], [0.8, 0.2], [0.8, 0.8], [0.2, 0.8]];
/** A "U": the notch between x 0.4 and 0.6 above y 0.5 is outside. */
const uShape: Polygon = [[0.1, 0.1], [0.4, 0.1], [0.4, 0.5], [0.6, 0.5], [0.6, 0.1], [0.9, 0.1], [0.9, 0.9], [0.1, 0.9]];

describe('pointInPolygon', () => {
  it('finds a point inside and a point outside', () => {
    expect(pointInPolygon([0.5, 0.5], square)).toBe(true);
    expect(pointInPolygon([0.9, 0.5], square)).toBe(false);
    expect(pointInPolygon([0.5, 0.1], square)).toBe(false);
  });

  it('counts a point exactly on an edge as inside, on every side', () => {
    expect(pointInPolygon([0.5, 0.2], square)).toBe(true);
    expect(pointInPolygon([0.8, 0.5], square)).toBe(true);
    expect(pointInPolygon([0.5, 0.8], square)).toBe(true);
    expect(pointInPolygon([0.2, 0.5], square)).toBe(true);
  });

  it('counts a point on a slanted edge as inside despite float rounding', () => {
    const triangle: Polygon = [[0.1, 0.1], [0.7, 0.9], [0.1, 0.9]];
    // On the edge (0.1,0.1)-(0.7,0.9), but neither 0.4 nor 0.5 is exact in binary: plain ray casting says outside.
    expect(pointInPolygon([0.4, 0.5], triangle)).toBe(true);
    expect(pointInPolygon([0.13, 0.14], triangle)).toBe(true);
    expect(pointInPolygon([0.41, 0.5], triangle)).toBe(false);
  });

  it('counts a vertex as inside', () => {
    for (const vertex of square) expect(pointInPolygon(vertex, square)).toBe(true);
  });

  it('does not count a point on the line through an edge but beyond its end', () => {
    expect(pointInPolygon([0.9, 0.2], square)).toBe(false);
    expect(pointInPolygon([0.2, 0.1], square)).toBe(false);
  });

  it('counts a ray through a vertex once', () => {
    // A diamond: the horizontal ray from these points passes exactly through the vertex (0.9, 0.5).
    const diamond: Polygon = [[0.5, 0.1], [0.9, 0.5], [0.5, 0.9], [0.1, 0.5]];
    expect(pointInPolygon([0.5, 0.5], diamond)).toBe(true);
    expect(pointInPolygon([0.05, 0.5], diamond)).toBe(false);
    // Same ray through the flat top of the U's notch (a horizontal edge) and its corners.
    expect(pointInPolygon([0.2, 0.5], uShape)).toBe(true);
    expect(pointInPolygon([0.05, 0.5], uShape)).toBe(false);
  });

  it('handles a concave polygon: the notch is outside, the arms are inside', () => {
    expect(pointInPolygon([0.5, 0.3], uShape)).toBe(false);
    expect(pointInPolygon([0.25, 0.3], uShape)).toBe(true);
    expect(pointInPolygon([0.75, 0.3], uShape)).toBe(true);
    expect(pointInPolygon([0.5, 0.7], uShape)).toBe(true);
  });

  it('does not depend on the winding direction', () => {
    const reversed = [...uShape].reverse();
    expect(pointInPolygon([0.5, 0.3], reversed)).toBe(false);
    expect(pointInPolygon([0.25, 0.3], reversed)).toBe(true);
  });

  it('finds nothing inside a polygon with fewer than 3 points', () => {
    expect(pointInPolygon([0.5, 0.5], [[0, 0.5], [1, 0.5]])).toBe(false);
    expect(pointInPolygon([0.5, 0.5], [])).toBe(false);
  });
});

describe('insideAnyRoi', () => {
  it('anchors a box at its bottom-centre', () => {
    expect(bottomCentre([0.2, 0.1, 0.6, 0.7])).toEqual([0.4, 0.7]);
  });

  it('keeps a box whose bottom-centre is inside even when the box mostly is not', () => {
    // The box pokes far above the square, but the feet are inside.
    expect(insideAnyRoi([0.4, 0, 0.6, 0.5], [square])).toBe(true);
  });

  it('drops a box whose bottom-centre is outside even when the box mostly is inside', () => {
    expect(insideAnyRoi([0.3, 0.3, 0.7, 0.85], [square])).toBe(false);
  });

  it('keeps a box standing exactly on the polygon edge or the frame border', () => {
    expect(insideAnyRoi([0.4, 0.5, 0.6, 0.8], [square])).toBe(true);
    const wholeFrame: Polygon = [[0, 0], [1, 0], [1, 1], [0, 1]];
    expect(insideAnyRoi([0.4, 0.5, 0.6, 1], [wholeFrame])).toBe(true);
  });

  it('accepts a point contained by the second polygon only', () => {
    const topLeft: Polygon = [[0, 0], [0.3, 0], [0.3, 0.3], [0, 0.3]];
    const bottomRight: Polygon = [[0.6, 0.6], [1, 0.6], [1, 1], [0.6, 1]];
    const box: [number, number, number, number] = [0.7, 0.5, 0.9, 0.8];
    expect(insideAnyRoi(box, [topLeft])).toBe(false);
    expect(insideAnyRoi(box, [topLeft, bottomRight])).toBe(true);
  });

  it('treats no polygons as the whole frame', () => {
    expect(insideAnyRoi([0, 0, 0.01, 0.01], [])).toBe(true);
  });
});
