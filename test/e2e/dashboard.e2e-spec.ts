import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ApiHarness, startApi } from '../support/api-harness';
import { TcpProxy } from '../support/tcp-proxy';

/**
 * `GET /api/dashboard/stats` over cameras made through the API and detections seeded straight
 * into the table at times relative to now (minutes, hours and days ago, and on the edge of the
 * 24-hour window): exact figures, a Redis copy served until its TTL, and 200 with Redis down.
 */

const HOUR = 3_600_000;
const TTL_SECONDS = 3;
const STATS_KEY = 'dashboard:stats';

interface Stats {
  cameras: { total: number; byStatus: Record<'provisioning' | 'online' | 'offline' | 'error', number> };
  detectionsPerHour: { hour: string; class: string; count: number }[];
  topCameras: { cameraId: string; name: string; count: number }[];
  generatedAt: string;
}

interface SeededRow {
  cameraId: string;
  class: string;
  detectedAt: string;
}

describe('dashboard stats (e2e)', () => {
  let proxy: TcpProxy;
  let api: ApiHarness;
  let redis: Redis;
  let admin: string;
  const cameras: Record<string, string> = {};
  const seeded: SeededRow[] = [];
  /** Start of the UTC hour when the rows were seeded. */
  let seedHour: number;

  const get = (token = admin) => api.http.get('/api/dashboard/stats').set('Authorization', `Bearer ${token}`);
  const stats = async () => (await get().expect(200)).body as Stats;
  /** Stats computed now, not a copy cached by an earlier test. */
  const freshStats = async () => {
    await redis.del(STATS_KEY);
    return stats();
  };
  const seed = async (cameraId: string, detectedClass: string, msAgo: number | Date, count = 1) => {
    const detectedAt = (msAgo instanceof Date ? msAgo : new Date(Date.now() - msAgo)).toISOString();
    for (let i = 0; i < count; i++) {
      await api.db.query(
        `INSERT INTO detections (id, event_id, camera_id, class, confidence, bbox_x, bbox_y, bbox_w, bbox_h, track_id, detected_at)
         VALUES ($1, $2, $3, $4, 0.8, 0.1, 0.1, 0.2, 0.2, $5, $6)`,
        [randomUUID(), randomUUID(), cameraId, detectedClass, seeded.length, detectedAt],
      );
      seeded.push({ cameraId, class: detectedClass, detectedAt });
    }
  };
  const newCamera = async (name: string) =>
    (await api.http.post('/api/cameras').set('Authorization', `Bearer ${admin}`).send({ name, sourceUrl: `rtsp://127.0.0.1:8554/${name}` }).expect(201)).body.id as string;

  /** What the per-hour list must be for stats generated at that time: every seeded row in the 24 UTC hours up to the current one. */
  const expectedPerHour = (generatedAt: string) => {
    const currentHour = Math.floor(Date.parse(generatedAt) / HOUR) * HOUR;
    const [from, to] = [currentHour - 23 * HOUR, currentHour + HOUR];
    const counts = new Map<string, number>();
    for (const row of seeded) {
      const time = Date.parse(row.detectedAt);
      if (time < from || time >= to) continue;
      const key = `${new Date(Math.floor(time / HOUR) * HOUR).toISOString()}|${row.class}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts]
      .map(([key, count]) => ({ hour: key.split('|')[0], class: key.split('|')[1], count }))
      .sort((a, b) => (a.hour === b.hour ? (a.class < b.class ? -1 : 1) : a.hour < b.hour ? -1 : 1));
  };

  beforeAll(async () => {
    proxy = new TcpProxy('127.0.0.1', 6379);
    const port = await proxy.start();
    api = await startApi({ REDIS_URL: `redis://127.0.0.1:${port}`, DASHBOARD_CACHE_TTL_SECONDS: String(TTL_SECONDS), RATE_LIMIT_PER_MINUTE: '100000' });
    redis = new Redis({ host: '127.0.0.1', port: 6379, db: 1, keyPrefix: api.env.REDIS_KEY_PREFIX });
    admin = await api.tokenFor('admin');

    for (const name of ['Gate', 'Yard', 'Lobby', 'Dock', 'Roof', 'Hall', 'Attic', 'Old']) cameras[name] = await newCamera(name);
    await api.http.delete(`/api/cameras/${cameras.Old}`).set('Authorization', `Bearer ${admin}`).expect(204);
    // Statuses as the streaming service would have reported them.
    await api.db.query(`UPDATE cameras SET status = 'online' WHERE id = ANY($1)`, [[cameras.Gate, cameras.Yard]]);
    await api.db.query(`UPDATE cameras SET status = 'offline', last_error = 'gone' WHERE id = $1`, [cameras.Lobby]);
    await api.db.query(`UPDATE cameras SET status = 'error', last_error = 'unauthorized' WHERE id = $1`, [cameras.Dock]);
    await redis.del('cameras:list');

    seedHour = Math.floor(Date.now() / HOUR) * HOUR;
    await seed(cameras.Gate, 'person', 10 * 60_000, 4);
    await seed(cameras.Gate, 'car', 10 * 60_000, 2);
    await seed(cameras.Gate, 'person', 30 * HOUR, 10); // outside the window: would make Gate top by far
    await seed(cameras.Yard, 'person', 2 * HOUR, 5);
    await seed(cameras.Lobby, 'car', 3 * HOUR, 4);
    await seed(cameras.Dock, 'dog', 5 * HOUR, 3);
    await seed(cameras.Roof, 'person', 20 * HOUR, 2);
    await seed(cameras.Hall, 'truck', 2 * HOUR, 1);
    await seed(cameras.Hall, 'truck', 25 * HOUR, 7); // outside
    await seed(cameras.Old, 'person', HOUR, 20); // a deleted camera: in the hourly history, never a top camera
    // The window's edges: its first instant is in, the millisecond before is out.
    await seed(cameras.Attic, 'bird', new Date(seedHour - 23 * HOUR));
    await seed(cameras.Attic, 'bird', new Date(seedHour - 23 * HOUR - 1));
  });

  afterAll(async () => {
    redis.disconnect();
    await api.close();
    await proxy.stop();
  });

  it('gives exact camera, hourly and top-camera figures', async () => {
    const body = await freshStats();
    expect(Math.abs(Date.parse(body.generatedAt) - Date.now())).toBeLessThan(5000);
    expect(body.cameras).toEqual({ total: 7, byStatus: { provisioning: 3, online: 2, offline: 1, error: 1 } });
    expect(body.topCameras).toEqual([
      { cameraId: cameras.Gate, name: 'Gate', count: 6 },
      { cameraId: cameras.Yard, name: 'Yard', count: 5 },
      { cameraId: cameras.Lobby, name: 'Lobby', count: 4 },
      { cameraId: cameras.Dock, name: 'Dock', count: 3 },
      { cameraId: cameras.Roof, name: 'Roof', count: 2 },
    ]);
    expect(body.detectionsPerHour).toEqual(expectedPerHour(body.generatedAt));
    const total = body.detectionsPerHour.reduce((sum, entry) => sum + entry.count, 0);
    // 6 + 5 + 4 + 3 + 2 + 1 + 20 in the window, plus the edge row while the hour has not turned since seeding.
    expect(total).toBe(Math.floor(Date.parse(body.generatedAt) / HOUR) * HOUR === seedHour ? 42 : 41);
    for (const entry of body.detectionsPerHour) expect(Date.parse(entry.hour) % HOUR).toBe(0);
  });

  it('counts each class in the hour it was seen, leaving out what is older than the window', async () => {
    const body = await freshStats();
    const hourOf = (cameraId: string, detectedClass: string, index = 0) => {
      const row = seeded.filter((entry) => entry.cameraId === cameraId && entry.class === detectedClass)[index];
      return new Date(Math.floor(Date.parse(row.detectedAt) / HOUR) * HOUR).toISOString();
    };
    const byClass = (detectedClass: string) =>
      body.detectionsPerHour.filter((entry) => entry.class === detectedClass).map(({ hour, count }) => ({ hour, count }));
    expect(byClass('dog')).toEqual([{ hour: hourOf(cameras.Dock, 'dog'), count: 3 }]);
    expect(byClass('truck')).toEqual([{ hour: hourOf(cameras.Hall, 'truck'), count: 1 }]);
    expect(byClass('car')).toEqual([{ hour: hourOf(cameras.Lobby, 'car'), count: 4 }, { hour: hourOf(cameras.Gate, 'car'), count: 2 }]);
  });

  it('serves the cached figures until the TTL, then new ones', async () => {
    const first = await freshStats();
    expect(JSON.parse((await redis.get(STATS_KEY))!)).toEqual(first);
    const ttl = await redis.pttl(STATS_KEY);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(TTL_SECONDS * 1000);

    await seed(cameras.Gate, 'person', 0);
    expect(await stats()).toEqual(first);

    const deadline = Date.now() + (TTL_SECONDS + 3) * 1000;
    let next = first;
    while (next.generatedAt === first.generatedAt) {
      if (Date.now() > deadline) throw new Error('the cached stats outlived their TTL');
      await new Promise((resolve) => setTimeout(resolve, 200));
      next = await stats();
    }
    expect(Date.parse(next.generatedAt) - Date.parse(first.generatedAt)).toBeGreaterThanOrEqual(TTL_SECONDS * 1000 - 100);
    expect(next.topCameras[0]).toEqual({ cameraId: cameras.Gate, name: 'Gate', count: 7 });
  });

  it('answers from PostgreSQL while Redis is down', async () => {
    await proxy.stop();
    try {
      const before = Date.now();
      const body = (await get().expect(200)).body as Stats;
      expect(Date.parse(body.generatedAt)).toBeGreaterThanOrEqual(before - 5);
      expect(body.cameras).toEqual({ total: 7, byStatus: { provisioning: 3, online: 2, offline: 1, error: 1 } });
      expect(body.topCameras.map((entry) => [entry.name, entry.count])).toEqual([['Gate', 7], ['Yard', 5], ['Lobby', 4], ['Dock', 3], ['Roof', 2]]);
      expect(body.detectionsPerHour).toEqual(expectedPerHour(body.generatedAt));
    } finally {
      await proxy.start();
    }
    const deadline = Date.now() + 15000;
    while ((await api.http.get('/health/ready')).status !== 200) {
      if (Date.now() > deadline) throw new Error('redis did not come back');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  it('is open to every signed-in role and closed to anonymous callers', async () => {
    const anonymous = await api.http.get('/api/dashboard/stats').expect(401);
    expect(anonymous.body.error.code).toBe('AUTH.UNAUTHENTICATED');
    for (const role of ['operator', 'integrator'] as const) await get(await api.tokenFor(role)).expect(200);
    const key = (await api.http.post('/api/api-keys').set('Authorization', `Bearer ${admin}`).send({ name: 'dashboard' }).expect(201)).body.key;
    const byKey = await api.http.get('/api/dashboard/stats').set('X-API-Key', key).expect(200);
    expect(byKey.body.cameras.total).toBe(7);
  });
});
