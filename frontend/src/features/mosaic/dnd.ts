/** Drag-and-drop payloads of the live view: a camera from the list, or a tile being moved. */
export const DRAG_CAMERA = 'application/x-vms-camera';
export const DRAG_TILE = 'application/x-vms-tile';

export type DropPayload = { kind: 'camera'; cameraId: string } | { kind: 'tile'; position: number };

type Transfer = Pick<DataTransfer, 'types' | 'getData'>;

/** During dragover only the types are readable: is this something a tile accepts? */
export function acceptsDrop(transfer: Pick<DataTransfer, 'types'>): 'copy' | 'move' | null {
  const types = Array.from(transfer.types);
  if (types.includes(DRAG_TILE)) return 'move';
  if (types.includes(DRAG_CAMERA)) return 'copy';
  return null;
}

export function readDrop(transfer: Transfer): DropPayload | null {
  const tile = transfer.getData(DRAG_TILE);
  if (tile !== '') {
    const position = Number(tile);
    return Number.isInteger(position) && position >= 0 ? { kind: 'tile', position } : null;
  }
  const cameraId = transfer.getData(DRAG_CAMERA);
  return cameraId !== '' ? { kind: 'camera', cameraId } : null;
}
