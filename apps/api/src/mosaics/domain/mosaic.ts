import { DomainError } from '@vms/platform/errors/domain-error';

export const LAYOUTS = ['1x1', '2x2', '3x3', '4x4', '5x5'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface Tile {
  position: number;
  cameraId: string;
}

export interface MosaicState {
  id: string;
  ownerId: string;
  name: string;
  layout: Layout;
  tiles: Tile[];
  createdAt: Date;
  updatedAt: Date;
}

export const MosaicErrors = {
  notFound: () => new DomainError('MOSAIC.NOT_FOUND', 'No such mosaic', 'not_found'),
  nameTaken: () => new DomainError('MOSAIC.NAME_TAKEN', 'You already have a mosaic with this name', 'conflict'),
  nameInvalid: () =>
    new DomainError('MOSAIC.NAME_INVALID', 'The name must have 1 to 100 characters', 'invalid', [{ field: 'name', message: 'must have 1 to 100 characters' }]),
  tileOutsideGrid: (position: number, layout: Layout) =>
    new DomainError('MOSAIC.TILE_OUTSIDE_GRID', `Position ${position} is outside a ${layout} grid`, 'invalid', [
      { field: 'tiles', message: `position ${position} is outside the ${layout} grid (0..${tileCount(layout) - 1})` },
    ]),
  tilePositionTaken: (position: number) =>
    new DomainError('MOSAIC.TILE_POSITION_TAKEN', `Position ${position} is used twice`, 'invalid', [
      { field: 'tiles', message: `position ${position} is used twice` },
    ]),
  cameraUnknown: (cameraIds: string[]) =>
    new DomainError('MOSAIC.CAMERA_NOT_FOUND', 'Some tiles name cameras that do not exist', 'invalid', [
      { field: 'tiles', message: `unknown cameras: ${cameraIds.join(', ')}` },
    ]),
};

export function tileCount(layout: Layout): number {
  const side = Number(layout[0]);
  return side * side;
}

/** A user's saved grid of cameras. Tiles sit at row-major positions inside the grid, each at most once. */
export class Mosaic {
  private constructor(private state: MosaicState) {}

  static create(id: string, ownerId: string, name: string, layout: Layout, tiles: Tile[], now = new Date()): Mosaic {
    return new Mosaic({ id, ownerId, name: validName(name), layout, tiles: validTiles(tiles, layout), createdAt: now, updatedAt: now });
  }

  static restore(state: MosaicState): Mosaic {
    return new Mosaic({ ...state, tiles: [...state.tiles] });
  }

  get id() { return this.state.id; }
  get ownerId() { return this.state.ownerId; }
  get name() { return this.state.name; }
  get layout() { return this.state.layout; }
  get tiles(): readonly Tile[] { return this.state.tiles; }
  get createdAt() { return this.state.createdAt; }
  get updatedAt() { return this.state.updatedAt; }

  isOwnedBy(userId: string): boolean {
    return this.state.ownerId === userId;
  }

  /** Renames and/or re-arranges; shrinking the layout requires tiles that still fit. */
  change(changes: { name?: string; layout?: Layout; tiles?: Tile[] }, now = new Date()): void {
    const layout = changes.layout ?? this.state.layout;
    const tiles = validTiles(changes.tiles ?? this.state.tiles, layout);
    const name = changes.name === undefined ? this.state.name : validName(changes.name);
    this.state = { ...this.state, name, layout, tiles, updatedAt: now };
  }

  cameraIds(): string[] {
    return [...new Set(this.state.tiles.map((tile) => tile.cameraId))];
  }
}

function validName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 100) throw MosaicErrors.nameInvalid();
  return name;
}

function validTiles(tiles: Tile[], layout: Layout): Tile[] {
  const capacity = tileCount(layout);
  const seen = new Set<number>();
  for (const tile of tiles) {
    if (!Number.isInteger(tile.position) || tile.position < 0 || tile.position >= capacity) {
      throw MosaicErrors.tileOutsideGrid(tile.position, layout);
    }
    if (seen.has(tile.position)) throw MosaicErrors.tilePositionTaken(tile.position);
    seen.add(tile.position);
  }
  return [...tiles].sort((a, b) => a.position - b.position).map(({ position, cameraId }) => ({ position, cameraId }));
}
