import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ApiHarness, MEDIA_DIR, startApi } from '../support/api-harness';

/**
 * `GET /api/internal/cameras[/:id]`: the streaming service's view of the cameras, the one place
 * decrypted credentials leave the api. Only the internal token opens it; the credentials appear
 * nowhere else (public responses, cache, logs).
 */

const PASSWORD = 'Int3rnal-S3cret!';
const USERNAME = 'streamviewer';
const OTHER_PASSWORD = 'Gate-P4ss-Word';

describe('internal camera endpoints for the streaming service (e2e)', () => {
  let api: ApiHarness;
  let admin: string;
  let token: string;
  let urlCamera: { id: string };
  let fieldCamera: { id: string };
  let fileCamera: { id: string };

  const internal = (path: string) => api.http.get(path).set('X-Internal-Token', token);

  beforeAll(async () => {
    api = await startApi();
    admin = await api.login();
    token = api.env.STREAMING_INTERNAL_TOKEN;
    const create = async (body: object) =>
      (await api.http.post('/api/cameras').set('Authorization', `Bearer ${admin}`).send(body).expect(201)).body as { id: string };
    urlCamera = await create({ name: 'Lobby', sourceUrl: `rtsp://${USERNAME}:${encodeURIComponent(PASSWORD)}@127.0.0.1:8554/lobby` });
    fieldCamera = await create({
      name: 'Gate',
      sourceUrl: 'rtsp://127.0.0.1:8554/gate',
      credentials: { username: 'gatekeeper', password: OTHER_PASSWORD },
      enabled: false,
      ai: { enabled: true, classes: ['person', 'car'], minConfidence: 0.6, roi: [[[0.1, 0.1], [0.9, 0.1], [0.5, 0.9]]] },
    });
    fileCamera = await create({ name: 'Replay', sourceUrl: `file://${MEDIA_DIR}/street_traffic_640x360.mp4` });
  });

  afterAll(async () => {
    await api.close();
  });

  describe('authentication', () => {
    it.each([
      ['no token', undefined],
      ['an empty token', ''],
      ['a wrong token of the same length', 'x'.repeat(32)],
      ['a shorter prefix of the token', 'TOKEN_PREFIX'],
      ['a longer token', 'TOKEN_PLUS'],
    ])('refuses %s with 401 AUTH.INTERNAL_TOKEN_INVALID', async (_label, given) => {
      const value = given === 'TOKEN_PREFIX' ? token.slice(0, -1) : given === 'TOKEN_PLUS' ? `${token}x` : given;
      for (const path of ['/api/internal/cameras', `/api/internal/cameras/${urlCamera.id}`]) {
        const call = api.http.get(path);
        const response = await (value === undefined ? call : call.set('X-Internal-Token', value));
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ error: { code: 'AUTH.INTERNAL_TOKEN_INVALID', message: expect.any(String) } });
      }
    });

    it('does not accept a user access token (even an admin\'s) or an API key instead', async () => {
      const created = await api.http.post('/api/api-keys').set('Authorization', `Bearer ${admin}`).send({ name: 'integration' }).expect(201);
      const asAdmin = await api.http.get('/api/internal/cameras').set('Authorization', `Bearer ${admin}`);
      const asKey = await api.http.get('/api/internal/cameras').set('X-API-Key', created.body.key);
      for (const response of [asAdmin, asKey]) {
        expect(response.status).toBe(401);
        expect(response.body.error.code).toBe('AUTH.INTERNAL_TOKEN_INVALID');
      }
    });

    it('checks the token before the id', async () => {
      const response = await api.http.get('/api/internal/cameras/not-a-uuid').set('X-Internal-Token', 'wrong');
      expect(response.status).toBe(401);
    });

    it('is not rate limited (no RateLimit headers) and not in the OpenAPI document', async () => {
      const limited = await api.http.get('/api/cameras').set('Authorization', `Bearer ${admin}`).expect(200);
      expect(limited.headers['ratelimit-limit']).toBe('100');
      const response = await internal('/api/internal/cameras').expect(200);
      expect(response.headers['ratelimit-limit']).toBeUndefined();
      const doc = (await api.http.get('/api/docs/openapi.json').expect(200)).body as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths).filter((path) => path.includes('internal'))).toEqual([]);
      expect(Object.keys(doc.paths)).toContain('/api/cameras');
    });
  });

  describe('with the token', () => {
    it('lists every camera, disabled ones included, with decrypted credentials and AI settings', async () => {
      const response = await internal('/api/internal/cameras').expect(200);
      const byId = new Map((response.body as { cameraId: string }[]).map((camera) => [camera.cameraId, camera]));
      expect(byId.size).toBe(3);
      expect(byId.get(urlCamera.id)).toEqual({
        cameraId: urlCamera.id,
        name: 'Lobby',
        streamPath: `cam_${urlCamera.id}`,
        enabled: true,
        revision: 1,
        ai: { enabled: false, classes: expect.any(Array), minConfidence: 0.5, roi: [] },
        source: { url: 'rtsp://127.0.0.1:8554/lobby', credentials: { username: USERNAME, password: PASSWORD } },
      });
      expect(byId.get(fieldCamera.id)).toMatchObject({
        enabled: false,
        ai: { enabled: true, classes: ['person', 'car'], minConfidence: 0.6, roi: [[[0.1, 0.1], [0.9, 0.1], [0.5, 0.9]]] },
        source: { url: 'rtsp://127.0.0.1:8554/gate', credentials: { username: 'gatekeeper', password: OTHER_PASSWORD } },
      });
      expect(byId.get(fileCamera.id)).toMatchObject({ source: { url: `file://${MEDIA_DIR}/street_traffic_640x360.mp4`, credentials: null } });
    });

    it('returns one camera by id, the current revision after an update', async () => {
      await api.http.patch(`/api/cameras/${fieldCamera.id}`).set('Authorization', `Bearer ${admin}`).send({ description: 'north gate' }).expect(200);
      const response = await internal(`/api/internal/cameras/${fieldCamera.id}`).expect(200);
      expect(response.body).toMatchObject({
        cameraId: fieldCamera.id,
        revision: 2,
        source: { credentials: { username: 'gatekeeper', password: OTHER_PASSWORD } },
      });
    });

    it('answers 404 CAMERA.NOT_FOUND for an unknown id and 400 for a malformed one', async () => {
      expect((await internal(`/api/internal/cameras/${randomUUID()}`).expect(404)).body.error.code).toBe('CAMERA.NOT_FOUND');
      expect((await internal('/api/internal/cameras/not-a-uuid').expect(400)).body.error.code).toBe('VALIDATION.FAILED');
    });
  });

  describe('credentials appear only there', () => {
    it('public camera responses carry a masked username and never the password', async () => {
      const list = await api.http.get('/api/cameras').set('Authorization', `Bearer ${admin}`).expect(200);
      const one = await api.http.get(`/api/cameras/${urlCamera.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
      for (const text of [list.text, one.text]) {
        for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), OTHER_PASSWORD, USERNAME, 'gatekeeper']) expect(text).not.toContain(secret);
      }
      expect(one.body.credentials).toEqual({ username: 's*******', password: '********' });
      expect(one.body.hlsUrl).toBe(`/hls/cam_${urlCamera.id}/index.m3u8`);
    });

    it('the read cache never holds them', async () => {
      await internal('/api/internal/cameras').expect(200);
      await internal(`/api/internal/cameras/${urlCamera.id}`).expect(200);
      const redis = new Redis({ host: '127.0.0.1', port: 6379, db: 1 });
      try {
        const keys = await redis.keys(`${api.env.REDIS_KEY_PREFIX}*`);
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) {
          const value = (await redis.get(key)) ?? '';
          expect(value).not.toContain(PASSWORD);
          expect(value).not.toContain(OTHER_PASSWORD);
        }
      } finally {
        redis.disconnect();
      }
    });

    it('the logs hold neither the credentials nor the internal token', async () => {
      await internal('/api/internal/cameras').expect(200);
      await api.http.get('/api/internal/cameras').set('X-Internal-Token', 'wrong-token-value').expect(401);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const logs = api.logs.text();
      expect(logs).toContain('/api/internal/cameras');
      for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), OTHER_PASSWORD, token, 'wrong-token-value']) expect(logs).not.toContain(secret);
    });
  });
});
