import { randomUUID } from 'node:crypto';
import { ApiHarness, MEDIA_DIR, startApi } from '../support/api-harness';

/** Each user's own saved grids of cameras. */

interface MosaicBody {
  id: string;
  name: string;
  layout: string;
  tiles: { position: number; cameraId: string }[];
  createdAt: string;
  updatedAt: string;
}

describe('mosaics (e2e)', () => {
  let api: ApiHarness;
  let admin: string;
  let alice: string;
  let bob: string;
  let street: string;
  let gate: string;
  let yard: string;
  let wall: MosaicBody;

  const as = (token: string) => ({
    get: (path: string) => api.http.get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) => api.http.post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => api.http.patch(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => api.http.delete(path).set('Authorization', `Bearer ${token}`),
  });
  const newOperator = async (name: string) => {
    const email = `${name}-${randomUUID().slice(0, 6)}@test.local`;
    await as(admin).post('/api/users', { email, password: `${name}-password-1`, role: 'operator' }).expect(201);
    return api.login(email, `${name}-password-1`);
  };
  const newCamera = async (name: string, sourceUrl: string) => (await as(admin).post('/api/cameras', { name, sourceUrl }).expect(201)).body.id as string;
  const mosaicRows = async () => Number((await api.db.query<{ count: string }>('SELECT count(*) FROM mosaics'))[0].count);
  const expectError = (response: { status: number; body: unknown }, status: number, code: string, field?: string) => {
    expect({ status: response.status, code: (response.body as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
    const error = (response.body as { error: { message: string; details?: { field: string }[] } }).error;
    expect(error.message).toEqual(expect.any(String));
    if (field) expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };

  beforeAll(async () => {
    api = await startApi();
    admin = await api.tokenFor('admin');
    alice = await newOperator('alice');
    bob = await newOperator('bob');
    street = await newCamera('Street', `file://${MEDIA_DIR}/street_traffic_640x360.mp4`);
    gate = await newCamera('Gate', 'rtsp://127.0.0.1:8554/gate');
    yard = await newCamera('Yard', 'rtsp://127.0.0.1:8554/yard');
  });

  afterAll(async () => {
    await api.close();
  });

  it('an operator creates a 2x2 mosaic; tiles come back sorted by position', async () => {
    const response = await as(alice).post('/api/mosaics', {
      name: 'Front wall',
      layout: '2x2',
      tiles: [{ position: 3, cameraId: gate }, { position: 0, cameraId: street }],
    }).expect(201);
    wall = response.body;
    expect(wall).toEqual({
      id: expect.any(String),
      name: 'Front wall',
      layout: '2x2',
      tiles: [{ position: 0, cameraId: street }, { position: 3, cameraId: gate }],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await as(alice).get(`/api/mosaics/${wall.id}`).expect(200)).body).toEqual(wall);
  });

  it('lists only the caller\'s own mosaics', async () => {
    expect((await as(alice).get('/api/mosaics').expect(200)).body).toEqual([wall]);
    expect((await as(bob).get('/api/mosaics').expect(200)).body).toEqual([]);
    expect((await as(admin).get('/api/mosaics').expect(200)).body).toEqual([]);
  });

  it('another operator gets 404 MOSAIC.NOT_FOUND for it and can neither change nor delete it', async () => {
    expectError(await as(bob).get(`/api/mosaics/${wall.id}`), 404, 'MOSAIC.NOT_FOUND');
    expectError(await as(bob).patch(`/api/mosaics/${wall.id}`, { name: 'Hijacked' }), 404, 'MOSAIC.NOT_FOUND');
    expectError(await as(bob).delete(`/api/mosaics/${wall.id}`), 404, 'MOSAIC.NOT_FOUND');
    // Not even an admin reaches another user's mosaic.
    expectError(await as(admin).get(`/api/mosaics/${wall.id}`), 404, 'MOSAIC.NOT_FOUND');
    expect((await as(alice).get(`/api/mosaics/${wall.id}`).expect(200)).body).toEqual(wall);
  });

  describe('refuses, storing nothing', () => {
    const tiles = () => [{ position: 0, cameraId: street }];
    const cases: [string, () => object, number, string, string?][] = [
      ['layout 6x6', () => ({ name: 'Big', layout: '6x6', tiles: tiles() }), 400, 'VALIDATION.FAILED', 'layout'],
      ['a missing layout', () => ({ name: 'No layout', tiles: tiles() }), 400, 'VALIDATION.FAILED', 'layout'],
      ['an empty name', () => ({ name: '', layout: '2x2', tiles: tiles() }), 400, 'VALIDATION.FAILED', 'name'],
      ['a name of spaces', () => ({ name: '   ', layout: '2x2', tiles: tiles() }), 422, 'MOSAIC.NAME_INVALID', 'name'],
      ['a negative position', () => ({ name: 'Neg', layout: '2x2', tiles: [{ position: -1, cameraId: street }] }), 400, 'VALIDATION.FAILED', 'tiles.0.position'],
      ['a fractional position', () => ({ name: 'Half', layout: '2x2', tiles: [{ position: 1.5, cameraId: street }] }), 400, 'VALIDATION.FAILED', 'tiles.0.position'],
      ['a camera id that is not a uuid', () => ({ name: 'Bad id', layout: '2x2', tiles: [{ position: 0, cameraId: 'street' }] }), 400, 'VALIDATION.FAILED', 'tiles.0.cameraId'],
      ['position 4 in a 2x2', () => ({ name: 'Outside', layout: '2x2', tiles: [{ position: 4, cameraId: street }] }), 422, 'MOSAIC.TILE_OUTSIDE_GRID', 'tiles'],
      ['a duplicate position', () => ({ name: 'Twice', layout: '2x2', tiles: [{ position: 1, cameraId: street }, { position: 1, cameraId: gate }] }), 422, 'MOSAIC.TILE_POSITION_TAKEN', 'tiles'],
      ['an unknown camera id', () => ({ name: 'Ghost', layout: '2x2', tiles: [{ position: 0, cameraId: randomUUID() }] }), 422, 'MOSAIC.CAMERA_NOT_FOUND', 'tiles'],
      ['26 tiles', () => ({ name: 'Crowded', layout: '5x5', tiles: Array.from({ length: 26 }, (_, position) => ({ position, cameraId: street })) }), 400, 'VALIDATION.FAILED', 'tiles'],
      ['the name of one of the caller\'s mosaics', () => ({ name: 'Front wall', layout: '1x1', tiles: [] }), 409, 'MOSAIC.NAME_TAKEN', undefined],
      ['that name in another case', () => ({ name: 'FRONT WALL', layout: '1x1', tiles: [] }), 409, 'MOSAIC.NAME_TAKEN', undefined],
    ];

    it.each(cases)('%s', async (_name, body, status, code, field) => {
      const before = await mosaicRows();
      expectError(await as(alice).post('/api/mosaics', body()), status, code, field);
      expect(await mosaicRows()).toBe(before);
    });
  });

  it('another user may use the same name', async () => {
    const bobs = await as(bob).post('/api/mosaics', { name: 'Front wall', layout: '1x1', tiles: [{ position: 0, cameraId: yard }] }).expect(201);
    expect(bobs.body.id).not.toBe(wall.id);
    expect((await as(bob).get('/api/mosaics').expect(200)).body.map((mosaic: MosaicBody) => mosaic.name)).toEqual(['Front wall']);
    expect((await as(alice).get('/api/mosaics').expect(200)).body).toEqual([wall]);
  });

  describe('PATCH refuses, changing nothing', () => {
    const cases: [string, () => object, number, string, string?][] = [
      ['shrinking to 1x1 with a tile at position 3', () => ({ layout: '1x1' }), 422, 'MOSAIC.TILE_OUTSIDE_GRID', 'tiles'],
      ['new tiles outside the grid', () => ({ tiles: [{ position: 4, cameraId: street }] }), 422, 'MOSAIC.TILE_OUTSIDE_GRID', 'tiles'],
      ['a duplicate position', () => ({ tiles: [{ position: 2, cameraId: street }, { position: 2, cameraId: yard }] }), 422, 'MOSAIC.TILE_POSITION_TAKEN', 'tiles'],
      ['an unknown camera', () => ({ tiles: [{ position: 2, cameraId: randomUUID() }] }), 422, 'MOSAIC.CAMERA_NOT_FOUND', 'tiles'],
      ['layout 6x6', () => ({ layout: '6x6' }), 400, 'VALIDATION.FAILED', 'layout'],
      ['name: null', () => ({ name: null }), 400, 'VALIDATION.FAILED', 'name'],
      ['tiles: null', () => ({ tiles: null }), 400, 'VALIDATION.FAILED', 'tiles'],
      ['an unknown field', () => ({ owner: 'bob' }), 400, 'VALIDATION.FAILED', 'owner'],
    ];

    it.each(cases)('%s', async (_name, body, status, code, field) => {
      expectError(await as(alice).patch(`/api/mosaics/${wall.id}`, body()), status, code, field);
      expect((await as(alice).get(`/api/mosaics/${wall.id}`).expect(200)).body).toEqual(wall);
    });

    it('renaming onto another of the caller\'s mosaics (409 MOSAIC.NAME_TAKEN)', async () => {
      const other = await as(alice).post('/api/mosaics', { name: 'Back wall', layout: '1x1', tiles: [] }).expect(201);
      expectError(await as(alice).patch(`/api/mosaics/${other.body.id}`, { name: 'front wall' }), 409, 'MOSAIC.NAME_TAKEN');
      expect((await as(alice).get(`/api/mosaics/${other.body.id}`).expect(200)).body.name).toBe('Back wall');
      await as(alice).delete(`/api/mosaics/${other.body.id}`).expect(204);
    });
  });

  it('renames and re-lays out', async () => {
    const renamed = await as(alice).patch(`/api/mosaics/${wall.id}`, { name: '  Perimeter  ' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Perimeter', layout: '2x2', tiles: wall.tiles });

    const relaid = await as(alice).patch(`/api/mosaics/${wall.id}`, {
      layout: '3x3',
      tiles: [{ position: 8, cameraId: yard }, { position: 4, cameraId: street }, { position: 0, cameraId: gate }],
    }).expect(200);
    expect(relaid.body).toMatchObject({
      name: 'Perimeter',
      layout: '3x3',
      tiles: [{ position: 0, cameraId: gate }, { position: 4, cameraId: street }, { position: 8, cameraId: yard }],
    });
    expect(Date.parse(relaid.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(wall.updatedAt));

    const shrunk = await as(alice).patch(`/api/mosaics/${wall.id}`, { layout: '1x1', tiles: [{ position: 0, cameraId: street }] }).expect(200);
    expect(shrunk.body).toMatchObject({ layout: '1x1', tiles: [{ position: 0, cameraId: street }] });

    const grown = await as(alice).patch(`/api/mosaics/${wall.id}`, { layout: '2x2', tiles: [{ position: 0, cameraId: street }, { position: 3, cameraId: gate }] }).expect(200);
    wall = grown.body;
    expect((await as(alice).get(`/api/mosaics/${wall.id}`).expect(200)).body).toEqual(wall);
    expect(wall).toMatchObject({ name: 'Perimeter', layout: '2x2', tiles: [{ position: 0, cameraId: street }, { position: 3, cameraId: gate }] });
  });

  it('deleting a camera removes it from every mosaic\'s tiles', async () => {
    const other = await as(bob).post('/api/mosaics', { name: 'Gate only', layout: '2x2', tiles: [{ position: 1, cameraId: gate }, { position: 2, cameraId: yard }] }).expect(201);
    await as(admin).delete(`/api/cameras/${gate}`).expect(204);
    expect((await as(alice).get(`/api/mosaics/${wall.id}`).expect(200)).body.tiles).toEqual([{ position: 0, cameraId: street }]);
    expect((await as(bob).get(`/api/mosaics/${other.body.id}`).expect(200)).body.tiles).toEqual([{ position: 2, cameraId: yard }]);
    expect(await api.db.query('SELECT * FROM mosaic_tiles WHERE camera_id = $1', [gate])).toEqual([]);
    expectError(await as(alice).patch(`/api/mosaics/${wall.id}`, { tiles: [{ position: 1, cameraId: gate }] }), 422, 'MOSAIC.CAMERA_NOT_FOUND', 'tiles');
  });

  it('deletes a mosaic (204), after which it is 404 everywhere', async () => {
    await as(alice).delete(`/api/mosaics/${wall.id}`).expect(204);
    expectError(await as(alice).get(`/api/mosaics/${wall.id}`), 404, 'MOSAIC.NOT_FOUND');
    expectError(await as(alice).patch(`/api/mosaics/${wall.id}`, { name: 'Back again' }), 404, 'MOSAIC.NOT_FOUND');
    expectError(await as(alice).delete(`/api/mosaics/${wall.id}`), 404, 'MOSAIC.NOT_FOUND');
    expect((await as(alice).get('/api/mosaics').expect(200)).body).toEqual([]);
    expect(await api.db.query('SELECT * FROM mosaic_tiles WHERE mosaic_id = $1', [wall.id])).toEqual([]);
  });

  it('a malformed mosaic id is 400 VALIDATION.FAILED', async () => {
    expectError(await as(alice).get('/api/mosaics/not-a-uuid'), 400, 'VALIDATION.FAILED', 'id');
  });

  it('integrators have no mosaics (403 AUTH.FORBIDDEN)', async () => {
    const integrator = await api.tokenFor('integrator');
    expectError(await as(integrator).get('/api/mosaics'), 403, 'AUTH.FORBIDDEN');
    expectError(await as(integrator).post('/api/mosaics', { name: 'Mine', layout: '1x1', tiles: [] }), 403, 'AUTH.FORBIDDEN');
  });
});
