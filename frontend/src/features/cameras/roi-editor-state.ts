import { MAX_POINTS, MAX_POLYGONS, translatePolygon, type HandleRef } from './roi-geometry';
import type { Point, Polygon } from './types';

/** The ROI editor: closed polygons (the camera's ROI), the polygon being drawn, the selected one. */
export interface RoiEditorState {
  polygons: Polygon[];
  /** null: not drawing; `[]`: drawing, no point yet. */
  draft: Point[] | null;
  selected: number | null;
}

export type RoiAction =
  | { type: 'start-polygon' }
  | { type: 'add-point'; point: Point }
  | { type: 'close-polygon' }
  | { type: 'undo-point' }
  | { type: 'cancel-polygon' }
  | { type: 'move-point'; handle: HandleRef; to: Point }
  | { type: 'select'; index: number | null }
  | { type: 'nudge-selected'; dx: number; dy: number }
  | { type: 'delete-polygon'; index: number }
  | { type: 'delete-selected' }
  | { type: 'add-rectangle' }
  | { type: 'clear' };

export const EMPTY_ROI_EDITOR: RoiEditorState = { polygons: [], draft: null, selected: null };

/** A rectangle over the middle of the picture, for those who do not draw with a pointer. */
const DEFAULT_RECTANGLE: Polygon = [[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.75]];

export function canAddPolygon(state: RoiEditorState): boolean {
  return state.polygons.length < MAX_POLYGONS;
}

export function canClosePolygon(state: RoiEditorState): boolean {
  return (state.draft?.length ?? 0) >= 3;
}

export function roiReducer(state: RoiEditorState, action: RoiAction): RoiEditorState {
  switch (action.type) {
    case 'start-polygon':
      return canAddPolygon(state) ? { ...state, draft: state.draft ?? [], selected: null } : state;
    case 'add-point': {
      if (state.draft === null && !canAddPolygon(state)) return state;
      const draft = state.draft ?? [];
      if (draft.length >= MAX_POINTS) return state;
      return { ...state, draft: [...draft, action.point], selected: null };
    }
    case 'close-polygon':
      if (!canClosePolygon(state)) return state;
      return { polygons: [...state.polygons, state.draft!], draft: null, selected: state.polygons.length };
    case 'undo-point':
      if (state.draft === null) return state;
      return { ...state, draft: state.draft.length > 0 ? state.draft.slice(0, -1) : null };
    case 'cancel-polygon':
      return { ...state, draft: null };
    case 'move-point': {
      const { polygon, point } = action.handle;
      if (polygon === 'draft') {
        if (!state.draft?.[point]) return state;
        return { ...state, draft: replaceAt(state.draft, point, action.to) };
      }
      const target = state.polygons[polygon];
      if (!target?.[point]) return state;
      return { ...state, polygons: replaceAt(state.polygons, polygon, replaceAt(target, point, action.to)), selected: polygon };
    }
    case 'select':
      return { ...state, selected: action.index !== null && state.polygons[action.index] ? action.index : null };
    case 'nudge-selected': {
      const target = state.selected === null ? undefined : state.polygons[state.selected];
      if (!target) return state;
      return { ...state, polygons: replaceAt(state.polygons, state.selected!, translatePolygon(target, action.dx, action.dy)) };
    }
    case 'delete-polygon':
      return deletePolygon(state, action.index);
    case 'delete-selected':
      return state.selected === null ? state : deletePolygon(state, state.selected);
    case 'add-rectangle':
      if (!canAddPolygon(state)) return state;
      return { polygons: [...state.polygons, DEFAULT_RECTANGLE.map(([x, y]) => [x, y] as Point)], draft: null, selected: state.polygons.length };
    case 'clear':
      return EMPTY_ROI_EDITOR;
  }
}

function deletePolygon(state: RoiEditorState, index: number): RoiEditorState {
  if (!state.polygons[index]) return state;
  const selected = state.selected === null || state.selected === index ? null : state.selected > index ? state.selected - 1 : state.selected;
  return { ...state, polygons: state.polygons.filter((_, i) => i !== index), selected };
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}
