import { describe, expect, it } from 'vitest';
import {
  assignSlot,
  clearSlot,
  firstEmptySlot,
  gridDimensions,
  isLayout,
  moveSlot,
  resizeSlots,
  slotCount,
  slotsFromTiles,
  tilesFromSlots,
} from './layout';
import { LAYOUTS } from './types';

describe('grid dimensions', () => {
  it.each([
    ['1x1', 1, 1],
    ['2x2', 2, 4],
    ['3x3', 3, 9],
    ['4x4', 4, 16],
    ['5x5', 5, 25],
  ] as const)('%s has %i columns and rows and %i cells', (layout, side, cells) => {
    expect(gridDimensions(layout)).toEqual({ columns: side, rows: side });
    expect(slotCount(layout)).toBe(cells);
  });

  it('recognises only the five layouts', () => {
    expect(LAYOUTS.every(isLayout)).toBe(true);
    expect(isLayout('6x6')).toBe(false);
    expect(isLayout('2x3')).toBe(false);
    expect(isLayout(4)).toBe(false);
  });
});

describe('slots and tiles', () => {
  it('places API tiles at their positions and leaves the other cells empty', () => {
    const slots = slotsFromTiles([{ position: 3, cameraId: 'd' }, { position: 0, cameraId: 'a' }], '2x2');
    expect(slots).toEqual(['a', null, null, 'd']);
  });

  it('ignores positions outside the grid and the second tile at a position', () => {
    const slots = slotsFromTiles(
      [
        { position: 1, cameraId: 'b' },
        { position: 1, cameraId: 'dup' },
        { position: 4, cameraId: 'outside' },
        { position: -1, cameraId: 'negative' },
      ],
      '2x2',
    );
    expect(slots).toEqual([null, 'b', null, null]);
  });

  it('turns slots back into sorted API tiles without the empty cells', () => {
    expect(tilesFromSlots([null, 'b', null, 'd'])).toEqual([
      { position: 1, cameraId: 'b' },
      { position: 3, cameraId: 'd' },
    ]);
  });
});

describe('resizing a layout', () => {
  it('growing keeps every camera at its position and adds empty cells', () => {
    const { slots, dropped } = resizeSlots(['a', 'b', 'c', 'd'], '3x3');
    expect(slots).toEqual(['a', 'b', 'c', 'd', null, null, null, null, null]);
    expect(dropped).toEqual([]);
  });

  it('shrinking moves cameras from removed cells into free cells, in reading order', () => {
    const nine = ['a', null, 'c', null, null, null, 'g', null, 'i'];
    const { slots, dropped } = resizeSlots(nine, '2x2');
    expect(slots).toEqual(['a', 'g', 'c', 'i']);
    expect(dropped).toEqual([]);
  });

  it('shrinking drops only the cameras that have no room left', () => {
    const { slots, dropped } = resizeSlots(['a', 'b', 'c', 'd', 'e', null, 'g', null, null], '2x2');
    expect(slots).toEqual(['a', 'b', 'c', 'd']);
    expect(dropped).toEqual(['e', 'g']);
  });

  it('shrinking to 1x1 keeps the first camera when the first cell is empty', () => {
    expect(resizeSlots([null, null, 'c', 'd'], '1x1')).toEqual({ slots: ['c'], dropped: ['d'] });
  });

  it('growing back after a lossless shrink keeps the cameras that were kept', () => {
    const shrunk = resizeSlots(['a', null, null, 'd'], '1x1');
    expect(shrunk.dropped).toEqual(['d']);
    expect(resizeSlots(shrunk.slots, '2x2').slots).toEqual(['a', null, null, null]);
  });
});

describe('editing cells', () => {
  it('assigns a camera to a cell, replacing what was there', () => {
    expect(assignSlot(['a', null], 1, 'b')).toEqual(['a', 'b']);
    expect(assignSlot(['a', 'b'], 0, 'c')).toEqual(['c', 'b']);
  });

  it('allows the same camera in two cells', () => {
    expect(assignSlot(['a', null], 1, 'a')).toEqual(['a', 'a']);
  });

  it('returns the same array when nothing changes, so subscribers are not woken', () => {
    const slots = ['a', null];
    expect(assignSlot(slots, 0, 'a')).toBe(slots);
    expect(clearSlot(slots, 1)).toBe(slots);
    expect(moveSlot(slots, 0, 0)).toBe(slots);
  });

  it('clears a cell without touching the others', () => {
    expect(clearSlot(['a', 'b', 'c', 'd'], 2)).toEqual(['a', 'b', null, 'd']);
  });

  it('moving onto an empty cell moves, onto a camera swaps', () => {
    expect(moveSlot(['a', null, 'c', null], 0, 1)).toEqual([null, 'a', 'c', null]);
    expect(moveSlot(['a', null, 'c', null], 0, 2)).toEqual(['c', null, 'a', null]);
  });

  it('refuses positions outside the grid', () => {
    expect(() => assignSlot(['a'], 1, 'b')).toThrow(RangeError);
    expect(() => moveSlot(['a', 'b'], 0, 2)).toThrow(RangeError);
    expect(() => clearSlot(['a'], -1)).toThrow(RangeError);
  });

  it('finds the first empty cell in reading order', () => {
    expect(firstEmptySlot(['a', null, 'c', null])).toBe(1);
    expect(firstEmptySlot(['a', 'b'])).toBe(-1);
  });
});
