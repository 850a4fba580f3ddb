import { LAYOUTS, type Layout, type MosaicTile, type Slots } from './types';

export const DEFAULT_LAYOUT: Layout = '2x2';

export function isLayout(value: unknown): value is Layout {
  return typeof value === 'string' && (LAYOUTS as readonly string[]).includes(value);
}

/** Columns and rows of a square layout ("3x3" → 3 by 3). */
export function gridDimensions(layout: Layout): { columns: number; rows: number } {
  const [columns, rows] = layout.split('x').map(Number) as [number, number];
  return { columns, rows };
}

export function slotCount(layout: Layout): number {
  const { columns, rows } = gridDimensions(layout);
  return columns * rows;
}

/** The API's tiles as one entry per cell; positions outside the grid or used twice are ignored. */
export function slotsFromTiles(tiles: readonly MosaicTile[], layout: Layout): Slots {
  const slots: (string | null)[] = Array.from({ length: slotCount(layout) }, () => null);
  for (const { position, cameraId } of tiles) {
    if (Number.isInteger(position) && position >= 0 && position < slots.length && slots[position] === null) {
      slots[position] = cameraId;
    }
  }
  return slots;
}

export function tilesFromSlots(slots: Slots): MosaicTile[] {
  const tiles: MosaicTile[] = [];
  slots.forEach((cameraId, position) => {
    if (cameraId !== null) tiles.push({ position, cameraId });
  });
  return tiles;
}

export interface ResizeResult {
  slots: Slots;
  /** Cameras that no longer fit, in reading order. */
  dropped: string[];
}

/**
 * Changes the grid size keeping the cameras' reading order. Growing keeps every camera at its
 * position and adds empty cells at the end. Shrinking keeps the cameras that still fit where they
 * are, moves the others into the free cells (in reading order) and drops only what has no room.
 */
export function resizeSlots(slots: Slots, layout: Layout): ResizeResult {
  const size = slotCount(layout);
  const next: (string | null)[] = Array.from({ length: size }, (_, position) => slots[position] ?? null);
  const overflow = slots.slice(size).filter((cameraId): cameraId is string => cameraId !== null);
  const dropped: string[] = [];
  for (const cameraId of overflow) {
    const free = next.indexOf(null);
    if (free === -1) dropped.push(cameraId);
    else next[free] = cameraId;
  }
  return { slots: next, dropped };
}

export function assignSlot(slots: Slots, position: number, cameraId: string): Slots {
  assertPosition(slots, position);
  if (slots[position] === cameraId) return slots;
  return slots.map((current, index) => (index === position ? cameraId : current));
}

export function clearSlot(slots: Slots, position: number): Slots {
  assertPosition(slots, position);
  if (slots[position] === null) return slots;
  return slots.map((current, index) => (index === position ? null : current));
}

/** Drags a tile onto another cell: the two cells swap (a move when the target is empty). */
export function moveSlot(slots: Slots, from: number, to: number): Slots {
  assertPosition(slots, from);
  assertPosition(slots, to);
  if (from === to) return slots;
  const next = [...slots];
  [next[from], next[to]] = [slots[to] ?? null, slots[from] ?? null];
  return next;
}

/** The first empty cell in reading order, or -1 when the grid is full. */
export function firstEmptySlot(slots: Slots): number {
  return slots.indexOf(null);
}

function assertPosition(slots: Slots, position: number): void {
  if (!Number.isInteger(position) || position < 0 || position >= slots.length) {
    throw new RangeError(`Position ${position} is outside a grid of ${slots.length} cells`);
  }
}
