import { describe, expect, it } from 'vitest';
import { canClosePolygon, EMPTY_ROI_EDITOR, roiReducer, type RoiAction, type RoiEditorState } from './roi-editor-state';
import { MAX_POINTS, MAX_POLYGONS } from './roi-geometry';
import type { Polygon } from './types';

const run = (actions: RoiAction[], from: RoiEditorState = EMPTY_ROI_EDITOR) => actions.reduce(roiReducer, from);
const triangle: Polygon = [[0.1, 0.1], [0.5, 0.1], [0.3, 0.5]];
const withPolygons = (...polygons: Polygon[]): RoiEditorState => ({ polygons, draft: null, selected: null });

describe('roiReducer', () => {
  it('draws a polygon point by point and closes it once it has 3 points', () => {
    const drawing = run([{ type: 'add-point', point: [0.1, 0.1] }, { type: 'add-point', point: [0.5, 0.1] }]);
    expect(canClosePolygon(drawing)).toBe(false);
    expect(roiReducer(drawing, { type: 'close-polygon' })).toBe(drawing);
    const closed = run([{ type: 'add-point', point: [0.3, 0.5] }, { type: 'close-polygon' }], drawing);
    expect(closed).toEqual({ polygons: [triangle], draft: null, selected: 0 });
  });

  it('keeps several polygons, undoes the last point and cancels a drawing', () => {
    const state = run([
      { type: 'add-point', point: [0.6, 0.6] },
      { type: 'add-point', point: [0.9, 0.6] },
      { type: 'undo-point' },
    ], withPolygons(triangle));
    expect(state.draft).toEqual([[0.6, 0.6]]);
    expect(run([{ type: 'undo-point' }], state).draft).toEqual([]);
    expect(run([{ type: 'undo-point' }, { type: 'undo-point' }], state).draft).toBeNull();
    expect(run([{ type: 'cancel-polygon' }], state)).toMatchObject({ polygons: [triangle], draft: null });
  });

  it('starts an empty drawing on request (to draw inside another polygon)', () => {
    expect(run([{ type: 'start-polygon' }]).draft).toEqual([]);
  });

  it('moves a vertex of a closed polygon (selecting it) or of the drawing', () => {
    const moved = run([{ type: 'move-point', handle: { polygon: 0, point: 2 }, to: [0.3, 0.9] }], withPolygons(triangle));
    expect(moved.polygons[0]).toEqual([[0.1, 0.1], [0.5, 0.1], [0.3, 0.9]]);
    expect(moved.selected).toBe(0);
    const drawing = run([{ type: 'add-point', point: [0.2, 0.2] }, { type: 'move-point', handle: { polygon: 'draft', point: 0 }, to: [0.25, 0.2] }]);
    expect(drawing.draft).toEqual([[0.25, 0.2]]);
  });

  it('ignores moves of vertices that do not exist', () => {
    const state = withPolygons(triangle);
    expect(roiReducer(state, { type: 'move-point', handle: { polygon: 3, point: 0 }, to: [0, 0] })).toBe(state);
    expect(roiReducer(state, { type: 'move-point', handle: { polygon: 0, point: 7 }, to: [0, 0] })).toBe(state);
  });

  it('deletes a polygon by index or the selected one, keeping the selection on the same polygon', () => {
    const square: Polygon = [[0.6, 0.6], [0.9, 0.6], [0.9, 0.9], [0.6, 0.9]];
    const three = { ...withPolygons(triangle, square, triangle), selected: 1 };
    expect(roiReducer(three, { type: 'delete-polygon', index: 0 })).toMatchObject({ polygons: [square, triangle], selected: 0 });
    expect(roiReducer(three, { type: 'delete-selected' })).toMatchObject({ polygons: [triangle, triangle], selected: null });
    expect(roiReducer(withPolygons(triangle), { type: 'delete-selected' }).polygons).toEqual([triangle]);
  });

  it('nudges the selected polygon inside the picture', () => {
    const state = { ...withPolygons(triangle), selected: 0 };
    expect(roiReducer(state, { type: 'nudge-selected', dx: -0.5, dy: 0 }).polygons[0]).toEqual([[0, 0.1], [0.4, 0.1], [0.2, 0.5]]);
  });

  it('adds a rectangle without a pointer, and clears everything', () => {
    const state = run([{ type: 'add-rectangle' }]);
    expect(state.polygons).toHaveLength(1);
    expect(state.polygons[0]).toHaveLength(4);
    expect(state.selected).toBe(0);
    expect(run([{ type: 'clear' }], state)).toEqual(EMPTY_ROI_EDITOR);
  });

  it('stops at the API limits: 16 polygons, 64 points each', () => {
    const full = withPolygons(...Array.from({ length: MAX_POLYGONS }, () => triangle));
    expect(run([{ type: 'add-point', point: [0.5, 0.5] }], full).draft).toBeNull();
    expect(run([{ type: 'add-rectangle' }], full).polygons).toHaveLength(MAX_POLYGONS);
    const long = { ...EMPTY_ROI_EDITOR, draft: Array.from({ length: MAX_POINTS }, (_, i) => [i / 100, 0.5] as [number, number]) };
    expect(run([{ type: 'add-point', point: [0.9, 0.9] }], long).draft).toHaveLength(MAX_POINTS);
  });
});
