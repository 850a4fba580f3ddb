import Redis from 'ioredis';
import { ApiHarness, MEDIA_DIR, startApi } from '../support/api-harness';
import { TcpProxy } from '../support/tcp-proxy';

describe('camera read cache in Redis (medium)', () => {
  let proxy: TcpProxy;
  let api: ApiHarness;
  let admin: string;
  let redis: Redis;

  beforeAll(async () => {
    proxy = new TcpProxy('127.0.0.1', 6379);
    const port = await proxy.start();
    api = await startApi({ REDIS_URL: `redis://127.0.0.1:${port}` });
    admin = await api.login();
    redis = new Redis({ host: '127.0.0.1', port: 6379, db: 1, keyPrefix: api.env.REDIS_KEY_PREFIX });
  });

  afterAll(async () => {
    redis.disconnect();
    await api.close();
    await proxy.stop();
  });

  const createCamera = async (name: string) =>
    (await api.http.post('/api/cameras').set('Authorization', `Bearer ${admin}`)
      .send({ name, sourceUrl: `file://${MEDIA_DIR}/street_traffic_640x360.mp4` }).expect(201)).body;

  it('serves a camera from the cache after the first read, and a change invalidates it', async () => {
    const camera = await createCamera('Cached cam');
    await api.http.get(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    const cached = JSON.parse((await redis.get(`cameras:item:${camera.id}`))!);
    expect(cached.name).toBe('Cached cam');

    // A row changed behind the api's back stays invisible while the cache holds the view...
    await api.db.query(`UPDATE cameras SET description = 'changed directly' WHERE id = $1`, [camera.id]);
    const stale = await api.http.get(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(stale.body.description).toBe('');

    // ...and a change through the api invalidates it at once.
    await api.http.patch(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).send({ name: 'Renamed cam' }).expect(200);
    expect(await redis.get(`cameras:item:${camera.id}`)).toBeNull();
    const fresh = await api.http.get(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(fresh.body).toMatchObject({ name: 'Renamed cam', description: 'changed directly' });
  });

  it('invalidates the cached list when a camera is created or deleted', async () => {
    const list = async () => (await api.http.get('/api/cameras').set('Authorization', `Bearer ${admin}`).expect(200)).body as { id: string }[];
    const before = await list();
    expect(await redis.exists('cameras:list')).toBe(1);
    const camera = await createCamera('Listed cam');
    expect(await redis.exists('cameras:list')).toBe(0);
    expect((await list()).map((item) => item.id)).toContain(camera.id);
    await api.http.delete(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).expect(204);
    expect((await list()).map((item) => item.id)).toEqual(before.map((item) => item.id));
    await api.http.get(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).expect(404);
  });

  it('keeps serving reads and writes from PostgreSQL while Redis is unreachable, and caches again when it returns', async () => {
    const camera = await createCamera('Resilient cam');
    await proxy.stop();

    const read = await api.http.get(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(read.body.name).toBe('Resilient cam');
    await api.http.get('/api/cameras').set('Authorization', `Bearer ${admin}`).expect(200);
    await api.http.patch(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).send({ description: 'while redis was down' }).expect(200);
    const afterWrite = await api.http.get(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(afterWrite.body.description).toBe('while redis was down');
    expect((await api.http.get('/health/ready')).status).toBe(503);

    await proxy.start();
    const deadline = Date.now() + 15000;
    while ((await api.http.get('/health/ready')).status !== 200) {
      if (Date.now() > deadline) throw new Error('redis did not come back');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await redis.del(`cameras:item:${camera.id}`);
    await api.http.get(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(JSON.parse((await redis.get(`cameras:item:${camera.id}`))!).description).toBe('while redis was down');
  });
});
