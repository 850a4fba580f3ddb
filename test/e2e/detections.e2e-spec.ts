import { randomUUID } from 'node:crypto';
import { ApiHarness, startApi } from '../support/api-harness';

/**
 * `GET /api/detections` and `GET /api/detections/:id` over rows seeded straight into the
 * projection table: every filter, keyset pagination that visits each row once in order (rows
 * sharing a time, and times a microsecond apart, included), 400s in the error envelope for bad
 * input, 404 for an unknown id, and who may read.
 */

interface Seed {
  id: string;
  cameraId: string;
  class: string;
  confidence: number;
  bbox: [number, number, number, number];
  trackId: number;
  snapshotUrl: string | null;
  /** Exact, with microseconds, as PostgreSQL stores it. */
  detectedAt: string;
}

const CAMERA_A = randomUUID();
const CAMERA_B = randomUUID();
const SAME_TIME = '2024-05-01T10:00:00.000000Z';

/** Ids chosen so that the rows sharing SAME_TIME are ordered by id. */
const ids = Array.from({ length: 12 }, () => randomUUID());

const SEEDS: Seed[] = [
  { id: ids[0], cameraId: CAMERA_A, class: 'person', confidence: 0.95, bbox: [0.1, 0.1, 0.2, 0.4], trackId: 1, snapshotUrl: '/media/snapshots/1.jpg', detectedAt: '2024-05-01T12:00:00.000000Z' },
  { id: ids[1], cameraId: CAMERA_A, class: 'car', confidence: 0.81, bbox: [0.5, 0.5, 0.3, 0.2], trackId: 2, snapshotUrl: '/media/snapshots/2.jpg', detectedAt: '2024-05-01T11:30:00.250000Z' },
  { id: ids[2], cameraId: CAMERA_B, class: 'person', confidence: 0.55, bbox: [0.2, 0.3, 0.1, 0.3], trackId: 3, snapshotUrl: null, detectedAt: '2024-05-01T11:00:00.000000Z' },
  { id: ids[3], cameraId: CAMERA_B, class: 'dog', confidence: 0.7, bbox: [0.6, 0.7, 0.1, 0.1], trackId: 4, snapshotUrl: null, detectedAt: SAME_TIME },
  { id: ids[4], cameraId: CAMERA_A, class: 'person', confidence: 0.8, bbox: [0.0, 0.0, 1.0, 1.0], trackId: 5, snapshotUrl: null, detectedAt: SAME_TIME },
  { id: ids[5], cameraId: CAMERA_B, class: 'car', confidence: 0.65, bbox: [0.3, 0.3, 0.3, 0.3], trackId: 6, snapshotUrl: null, detectedAt: SAME_TIME },
  // Two rows inside one millisecond: a cursor rounded to milliseconds would skip or repeat one.
  { id: ids[6], cameraId: CAMERA_A, class: 'bicycle', confidence: 0.9, bbox: [0.4, 0.4, 0.2, 0.2], trackId: 7, snapshotUrl: null, detectedAt: '2024-05-01T09:00:00.000600Z' },
  { id: ids[7], cameraId: CAMERA_A, class: 'person', confidence: 0.6, bbox: [0.4, 0.1, 0.1, 0.2], trackId: 8, snapshotUrl: null, detectedAt: '2024-05-01T09:00:00.000200Z' },
  { id: ids[8], cameraId: CAMERA_B, class: 'person', confidence: 0.99, bbox: [0.7, 0.2, 0.1, 0.2], trackId: 9, snapshotUrl: null, detectedAt: '2024-04-30T23:59:59.999999Z' },
  { id: ids[9], cameraId: CAMERA_A, class: 'car', confidence: 0.5, bbox: [0.1, 0.6, 0.3, 0.2], trackId: 10, snapshotUrl: null, detectedAt: '2024-04-30T08:00:00.000000Z' },
  { id: ids[10], cameraId: CAMERA_B, class: 'truck', confidence: 0.79999, bbox: [0.2, 0.5, 0.5, 0.4], trackId: 11, snapshotUrl: null, detectedAt: '2024-04-29T08:00:00.000000Z' },
  { id: ids[11], cameraId: CAMERA_A, class: 'person', confidence: 0.8, bbox: [0.3, 0.2, 0.1, 0.3], trackId: 12, snapshotUrl: null, detectedAt: '2024-04-28T08:00:00.000000Z' },
];

/** The API's order: newest first, then id descending (PostgreSQL compares uuids like lower-case hex text). */
const ORDERED = [...SEEDS].sort((a, b) => (a.detectedAt === b.detectedAt ? (a.id < b.id ? 1 : -1) : a.detectedAt < b.detectedAt ? 1 : -1));
const idsWhere = (predicate: (seed: Seed) => boolean) => ORDERED.filter(predicate).map((seed) => seed.id);

interface Page {
  items: { id: string; cameraId: string; class: string; confidence: number; bbox: number[]; trackId: number; snapshotUrl: string | null; detectedAt: string }[];
  nextCursor: string | null;
}

describe('detections API (e2e)', () => {
  let api: ApiHarness;
  let admin: string;
  let apiKey: string;

  const get = (path: string, token = admin) => api.http.get(path).set('Authorization', `Bearer ${token}`);
  const list = async (query: string) => (await get(`/api/detections?${query}`).expect(200)).body as Page;
  const listIds = async (query: string) => (await list(query)).items.map((item) => item.id);
  /** Follows nextCursor to the end and returns every id met, in order. */
  const walk = async (query: string, limit: number) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      if (page.nextCursor) expect(page.items).toHaveLength(limit);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      if (++pages > 50) throw new Error('pagination does not end');
    } while (cursor);
    return seen;
  };
  const expectInvalid = async (query: string, field: string) => {
    const response = await get(`/api/detections?${query}`);
    expect({ status: response.status, code: response.body.error?.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '100000' });
    admin = await api.tokenFor('admin');
    apiKey = (await api.http.post('/api/api-keys').set('Authorization', `Bearer ${admin}`).send({ name: 'detections reader' }).expect(201)).body.key;
    for (const seed of SEEDS) {
      await api.db.query(
        `INSERT INTO detections (id, event_id, camera_id, class, confidence, bbox_x, bbox_y, bbox_w, bbox_h, track_id, snapshot_url, detected_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [seed.id, randomUUID(), seed.cameraId, seed.class, seed.confidence, ...seed.bbox, seed.trackId, seed.snapshotUrl, seed.detectedAt],
      );
    }
  });

  afterAll(async () => {
    await api.close();
  });

  it('lists everything newest first, each item in the documented shape', async () => {
    const page = await list('');
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((item) => item.id)).toEqual(ORDERED.map((seed) => seed.id));
    expect(page.items[0]).toEqual({
      id: ids[0], cameraId: CAMERA_A, class: 'person', confidence: 0.95, bbox: [0.1, 0.1, 0.2, 0.4], trackId: 1,
      snapshotUrl: '/media/snapshots/1.jpg', detectedAt: '2024-05-01T12:00:00.000Z',
    });
  });

  it('reads one detection by id', async () => {
    const response = await get(`/api/detections/${ids[1]}`).expect(200);
    expect(response.body).toEqual({
      id: ids[1], cameraId: CAMERA_A, class: 'car', confidence: 0.81, bbox: [0.5, 0.5, 0.3, 0.2], trackId: 2,
      snapshotUrl: '/media/snapshots/2.jpg', detectedAt: '2024-05-01T11:30:00.250Z',
    });
  });

  it('answers 404 DETECTION.NOT_FOUND for an unknown id and 400 for a malformed one', async () => {
    const missing = await get(`/api/detections/${randomUUID()}`).expect(404);
    expect(missing.body).toEqual({ error: { code: 'DETECTION.NOT_FOUND', message: expect.any(String) } });
    const malformed = await get('/api/detections/not-a-uuid').expect(400);
    expect(malformed.body.error).toMatchObject({ code: 'VALIDATION.FAILED', details: [{ field: 'id', message: expect.any(String) }] });
  });

  describe('filters', () => {
    it('by camera', async () => {
      expect(await listIds(`cameraId=${CAMERA_B}`)).toEqual(idsWhere((seed) => seed.cameraId === CAMERA_B));
      expect(await listIds(`cameraId=${randomUUID()}`)).toEqual([]);
    });

    it('by one class', async () => {
      expect(await listIds('class=person')).toEqual(idsWhere((seed) => seed.class === 'person'));
      expect(await listIds('class=giraffe')).toEqual([]);
    });

    it('by several classes, repeated or comma-separated', async () => {
      const expected = idsWhere((seed) => seed.class === 'car' || seed.class === 'dog');
      expect(await listIds('class=car&class=dog')).toEqual(expected);
      expect(await listIds('class=car,dog')).toEqual(expected);
    });

    it('by time range: from inclusive, to exclusive', async () => {
      expect(await listIds(`from=${encodeURIComponent('2024-05-01T10:00:00Z')}&to=${encodeURIComponent('2024-05-01T12:00:00Z')}`))
        .toEqual(idsWhere((seed) => seed.detectedAt >= SAME_TIME && seed.detectedAt < '2024-05-01T12:00:00.000000Z'));
      expect(await listIds(`from=${encodeURIComponent('2024-05-01T00:00:00+00:00')}`))
        .toEqual(idsWhere((seed) => seed.detectedAt >= '2024-05-01T00:00:00.000000Z'));
      expect(await listIds(`to=${encodeURIComponent('2024-05-01T02:00:00+02:00')}`))
        .toEqual(idsWhere((seed) => seed.detectedAt < '2024-05-01T00:00:00.000000Z'));
    });

    it('by minimum confidence, inclusive', async () => {
      expect(await listIds('minConfidence=0.8')).toEqual(idsWhere((seed) => seed.confidence >= 0.8));
      expect(await listIds('minConfidence=1')).toEqual([]);
      expect(await listIds('minConfidence=0')).toHaveLength(SEEDS.length);
    });

    it('all together', async () => {
      const query = `cameraId=${CAMERA_A}&class=person,bicycle&from=${encodeURIComponent('2024-04-30T00:00:00Z')}&minConfidence=0.6`;
      const expected = idsWhere((seed) => seed.cameraId === CAMERA_A && ['person', 'bicycle'].includes(seed.class) &&
        seed.detectedAt >= '2024-04-30T00:00:00.000000Z' && seed.confidence >= 0.6);
      expect(expected.length).toBeGreaterThanOrEqual(3);
      expect(await listIds(query)).toEqual(expected);
    });
  });

  describe('pagination', () => {
    it('walks every row exactly once, in order, two at a time', async () => {
      const seen = await walk('', 2);
      expect(seen).toEqual(ORDERED.map((seed) => seed.id));
      expect(new Set(seen).size).toBe(SEEDS.length);
    });

    it('walks a filtered list the same way, with page sizes that do and do not divide it', async () => {
      const expected = idsWhere((seed) => seed.class === 'person');
      expect(await walk('class=person', 2)).toEqual(expected);
      expect(await walk('class=person', 3)).toEqual(expected);
      expect(await walk(`cameraId=${CAMERA_A}`, 1)).toEqual(idsWhere((seed) => seed.cameraId === CAMERA_A));
    });

    it('ends with a null cursor when the last page is exactly full', async () => {
      const page = await list(`limit=${SEEDS.length}`);
      expect(page.items).toHaveLength(SEEDS.length);
      expect(page.nextCursor).toBeNull();
    });

    it('hands out an opaque base64url cursor', async () => {
      const { nextCursor } = await list('limit=1');
      expect(nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    });
  });

  describe('bad input is a 400 VALIDATION.FAILED', () => {
    it.each([
      ['cameraId=camera-1', 'cameraId'],
      ['class=unicorn', 'class'],
      ['class=person,unicorn', 'class'],
      ['class=', 'class'],
      ['from=yesterday', 'from'],
      ['from=2024-05-01', 'from'],
      [`from=${encodeURIComponent('2024-05-01T10:00:00')}`, 'from'],
      [`to=${encodeURIComponent('2024-13-01T10:00:00Z')}`, 'to'],
      [`from=${encodeURIComponent('2024-05-02T00:00:00Z')}&to=${encodeURIComponent('2024-05-01T00:00:00Z')}`, 'to'],
      ['minConfidence=1.01', 'minConfidence'],
      ['minConfidence=-1', 'minConfidence'],
      ['minConfidence=lots', 'minConfidence'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      ['cursor=', 'cursor'],
      ['camera=abc', 'camera'],
    ])('%s', async (query, field) => {
      await expectInvalid(query, field);
    });

    it.each([
      ['a time without microseconds', ['2024-05-01T10:00:00Z', ids[0]]],
      ['a day that does not exist', ['2024-02-30T10:00:00.000000Z', ids[0]]],
      ['an id that is not a uuid', ['2024-05-01T10:00:00.000000Z', 'x']],
    ])('a forged cursor with %s', async (_label, position) => {
      await expectInvalid(`cursor=${Buffer.from(JSON.stringify(position)).toString('base64url')}`, 'cursor');
    });
  });

  describe('who may read', () => {
    it('refuses anonymous callers with 401', async () => {
      for (const path of ['/api/detections', `/api/detections/${ids[0]}`]) {
        const response = await api.http.get(path).expect(401);
        expect(response.body.error.code).toBe('AUTH.UNAUTHENTICATED');
      }
    });

    it('lets operators, integrators (token and API key) and admins read the same rows', async () => {
      const operator = await api.tokenFor('operator');
      const integrator = await api.tokenFor('integrator');
      const expected = ORDERED.map((seed) => seed.id);
      for (const token of [admin, operator, integrator]) {
        expect((await get('/api/detections', token).expect(200)).body.items.map((item: { id: string }) => item.id)).toEqual(expected);
        await get(`/api/detections/${ids[0]}`, token).expect(200);
      }
      const byKey = await api.http.get('/api/detections').set('X-API-Key', apiKey).expect(200);
      expect(byKey.body.items.map((item: { id: string }) => item.id)).toEqual(expected);
      await api.http.get(`/api/detections/${ids[0]}`).set('X-API-Key', apiKey).expect(200);
    });
  });

  // Last: it adds rows the tests above do not expect.
  it('serves 50 rows by default and up to 200 on request', async () => {
    const camera = randomUUID();
    await api.db.query(
      `INSERT INTO detections (id, event_id, camera_id, class, confidence, bbox_x, bbox_y, bbox_w, bbox_h, track_id, detected_at)
       SELECT gen_random_uuid(), gen_random_uuid(), $1, 'car', 0.5, 0.1, 0.1, 0.1, 0.1, n, timestamptz '2024-03-01T00:00:00Z' + n * interval '1 second'
         FROM generate_series(1, 210) AS n`,
      [camera],
    );
    const first = await list(`cameraId=${camera}`);
    expect(first.items).toHaveLength(50);
    expect(first.items[0].trackId).toBe(210);
    expect(first.nextCursor).not.toBeNull();
    const large = await list(`cameraId=${camera}&limit=200`);
    expect(large.items).toHaveLength(200);
    const rest = await list(`cameraId=${camera}&limit=200&cursor=${large.nextCursor}`);
    expect(rest.items.map((item) => item.trackId)).toEqual(Array.from({ length: 10 }, (_, index) => 10 - index));
    expect(rest.nextCursor).toBeNull();
  });
});
