import { describe, expect, it } from 'vitest';
import { acceptsDrop, DRAG_CAMERA, DRAG_TILE, readDrop } from './dnd';

function transfer(data: Record<string, string>) {
  return { types: Object.keys(data), getData: (type: string) => data[type] ?? '' };
}

describe('drag and drop payloads', () => {
  it('accepts cameras (copy) and tiles (move), nothing else', () => {
    expect(acceptsDrop(transfer({ [DRAG_CAMERA]: 'cam-1' }))).toBe('copy');
    expect(acceptsDrop(transfer({ [DRAG_TILE]: '3' }))).toBe('move');
    expect(acceptsDrop(transfer({ 'text/plain': 'hello' }))).toBeNull();
  });

  it('reads what was dropped', () => {
    expect(readDrop(transfer({ [DRAG_CAMERA]: 'cam-1' }))).toEqual({ kind: 'camera', cameraId: 'cam-1' });
    expect(readDrop(transfer({ [DRAG_TILE]: '3' }))).toEqual({ kind: 'tile', position: 3 });
  });

  it('ignores malformed tile positions and foreign drops', () => {
    expect(readDrop(transfer({ [DRAG_TILE]: 'x' }))).toBeNull();
    expect(readDrop(transfer({ [DRAG_TILE]: '-1' }))).toBeNull();
    expect(readDrop(transfer({ 'text/plain': 'cam-1' }))).toBeNull();
  });
});
