import { DomainError } from '@vms/platform/errors/domain-error';
import { Layout, Mosaic, Tile, tileCount } from './mosaic';

const OWNER = 'owner-1';

function create(layout: Layout = '2x2', tiles: Tile[] = [], name = 'Ground floor'): Mosaic {
  return Mosaic.create('mosaic-1', OWNER, name, layout, tiles);
}

function errorOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('tileCount', () => {
  it.each<[Layout, number]>([['1x1', 1], ['2x2', 4], ['3x3', 9], ['4x4', 16], ['5x5', 25]])('%s holds %i tiles', (layout, count) => {
    expect(tileCount(layout)).toBe(count);
  });
});

describe('Mosaic', () => {
  it('trims the name and records the owner', () => {
    const mosaic = create('2x2', [], '  Ground floor  ');
    expect(mosaic.name).toBe('Ground floor');
    expect(mosaic.isOwnedBy(OWNER)).toBe(true);
    expect(mosaic.isOwnedBy('someone-else')).toBe(false);
  });

  it('accepts the first and last positions of the grid', () => {
    expect(create('3x3', [{ position: 0, cameraId: 'a' }, { position: 8, cameraId: 'b' }]).tiles).toHaveLength(2);
  });

  it.each([-1, 4, 1.5, Number.NaN])('refuses position %p in a 2x2 grid', (position) => {
    const error = errorOf(() => create('2x2', [{ position, cameraId: 'a' }]));
    expect(error.code).toBe('MOSAIC.TILE_OUTSIDE_GRID');
    expect(error.details).toEqual([expect.objectContaining({ field: 'tiles' })]);
  });

  it('refuses a position used twice', () => {
    const error = errorOf(() => create('2x2', [{ position: 1, cameraId: 'a' }, { position: 1, cameraId: 'b' }]));
    expect(error.code).toBe('MOSAIC.TILE_POSITION_TAKEN');
  });

  it('sorts tiles by position', () => {
    const mosaic = create('3x3', [{ position: 5, cameraId: 'c' }, { position: 0, cameraId: 'a' }, { position: 2, cameraId: 'b' }]);
    expect(mosaic.tiles.map((tile) => tile.position)).toEqual([0, 2, 5]);
  });

  it('copies tiles instead of keeping the caller\'s objects', () => {
    const tile = { position: 0, cameraId: 'a', extra: true } as Tile;
    const [stored] = create('1x1', [tile]).tiles;
    expect(stored).toEqual({ position: 0, cameraId: 'a' });
    expect(stored).not.toBe(tile);
  });

  it('lists each camera once even when it fills several tiles', () => {
    const mosaic = create('2x2', [{ position: 0, cameraId: 'a' }, { position: 1, cameraId: 'b' }, { position: 2, cameraId: 'a' }]);
    expect(mosaic.cameraIds()).toEqual(['a', 'b']);
  });

  it.each([['empty', ''], ['blank', '   '], ['too long', 'n'.repeat(101)]])('refuses a %s name', (_label, name) => {
    expect(errorOf(() => create('2x2', [], name)).code).toBe('MOSAIC.NAME_INVALID');
  });

  describe('change', () => {
    it('renames with validation', () => {
      const mosaic = create();
      mosaic.change({ name: ' Upstairs ' });
      expect(mosaic.name).toBe('Upstairs');
      expect(errorOf(() => mosaic.change({ name: '' })).code).toBe('MOSAIC.NAME_INVALID');
      expect(mosaic.name).toBe('Upstairs');
    });

    it('refuses shrinking the layout while tiles sit outside the smaller grid', () => {
      const mosaic = create('3x3', [{ position: 8, cameraId: 'a' }]);
      expect(errorOf(() => mosaic.change({ layout: '2x2' })).code).toBe('MOSAIC.TILE_OUTSIDE_GRID');
      expect(mosaic.layout).toBe('3x3');
    });

    it('shrinks the layout when the tiles still fit', () => {
      const mosaic = create('3x3', [{ position: 3, cameraId: 'a' }]);
      mosaic.change({ layout: '2x2' });
      expect(mosaic.layout).toBe('2x2');
      expect(mosaic.tiles).toEqual([{ position: 3, cameraId: 'a' }]);
    });

    it('shrinks the layout together with new tiles that fit', () => {
      const mosaic = create('3x3', [{ position: 8, cameraId: 'a' }]);
      mosaic.change({ layout: '1x1', tiles: [{ position: 0, cameraId: 'b' }] });
      expect(mosaic.tiles).toEqual([{ position: 0, cameraId: 'b' }]);
    });

    it('updates updatedAt', () => {
      const mosaic = create();
      const later = new Date('2030-01-01T00:00:00Z');
      mosaic.change({ name: 'Later' }, later);
      expect(mosaic.updatedAt).toEqual(later);
    });
  });
});
