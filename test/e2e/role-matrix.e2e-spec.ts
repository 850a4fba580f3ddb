import { randomBytes, randomUUID } from 'node:crypto';
import { ADMIN, ApiHarness, startApi } from '../support/api-harness';

/**
 * Who may call what: every route of the api against every kind of caller. A denied call gets
 * 401 AUTH.UNAUTHENTICATED (no credentials) or 403 AUTH.FORBIDDEN and changes nothing; an
 * allowed call is made with a valid body on a fresh resource and really succeeds.
 */

const CALLERS = ['anonymous', 'operator', 'integrator', 'integratorKey', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
type Method = 'get' | 'post' | 'patch' | 'delete';

interface Request {
  path: string;
  body?: object;
}

interface Endpoint {
  /** `METHOD /path` exactly as the app routes it (`:id` for parameters). */
  route: string;
  /** Status per caller. */
  expected: Record<Caller, number>;
  /** Builds a fresh, valid request for this caller (its own resource where the route needs one). */
  prepare?: (caller: Caller) => Promise<Request>;
}

const PUBLIC = (status: number): Record<Caller, number> => ({ anonymous: status, operator: status, integrator: status, integratorKey: status, admin: status });
const SIGNED_IN = (status: number): Record<Caller, number> => ({ anonymous: 401, operator: status, integrator: status, integratorKey: status, admin: status });
const ADMIN_ONLY = (status: number): Record<Caller, number> => ({ anonymous: 401, operator: 403, integrator: 403, integratorKey: 403, admin: status });
const CAMERA_WRITE = ADMIN_ONLY;
const MOSAICS = (status: number): Record<Caller, number> => ({ anonymous: 401, operator: status, integrator: 403, integratorKey: 403, admin: status });

describe('role matrix (e2e)', () => {
  let api: ApiHarness;
  const tokens = {} as Record<'admin' | 'operator' | 'integrator', string>;
  let apiKey: string;
  let sharedCameraId: string;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}-${++counter}-${randomBytes(3).toString('hex')}`;

  const as = (caller: Caller, method: Method, path: string) => {
    const call = api.http[method](path);
    if (caller === 'integratorKey') return call.set('X-API-Key', apiKey);
    if (caller === 'anonymous') return call;
    return call.set('Authorization', `Bearer ${tokens[caller]}`);
  };
  const asAdmin = (method: Method, path: string) => as('admin', method, path);
  const created = async (method: Method, path: string, body: object, caller: Caller = 'admin') => {
    const response = await as(caller, method, path).send(body);
    if (response.status !== 201) throw new Error(`setup ${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string };
  };

  const newRefreshToken = async () => (await api.http.post('/api/auth/login').send(ADMIN).expect(200)).body.refreshToken as string;
  const newUser = () => created('post', '/api/users', { email: `${unique('target')}@test.local`, password: 'target-password-1', role: 'operator' });
  const newCamera = () => created('post', '/api/cameras', { name: unique('Camera'), sourceUrl: 'rtsp://127.0.0.1:8554/matrix' });
  const mosaicBody = () => ({ name: unique('Wall'), layout: '2x2', tiles: [{ position: 0, cameraId: sharedCameraId }] });
  /** Mosaics are private: a caller allowed to use them gets one of its own, the others an admin's. */
  const newMosaicFor = (caller: Caller) => created('post', '/api/mosaics', mosaicBody(), caller === 'operator' ? 'operator' : 'admin');
  /** Detections come from events only: seed the projection row directly. */
  const newDetection = async () => {
    const id = randomUUID();
    await api.db.query(
      `INSERT INTO detections (id, event_id, camera_id, class, confidence, bbox_x, bbox_y, bbox_w, bbox_h, track_id, detected_at)
       VALUES ($1, $2, $3, 'person', 0.9, 0.1, 0.1, 0.2, 0.3, 1, now())`,
      [id, randomUUID(), sharedCameraId],
    );
    return { id };
  };

  const ENDPOINTS: Endpoint[] = [
    { route: 'POST /api/auth/login', expected: PUBLIC(200), prepare: async () => ({ path: '/api/auth/login', body: ADMIN }) },
    { route: 'POST /api/auth/refresh', expected: PUBLIC(200), prepare: async () => ({ path: '/api/auth/refresh', body: { refreshToken: await newRefreshToken() } }) },
    { route: 'POST /api/auth/logout', expected: PUBLIC(204), prepare: async () => ({ path: '/api/auth/logout', body: { refreshToken: await newRefreshToken() } }) },
    { route: 'GET /api/auth/me', expected: SIGNED_IN(200) },

    { route: 'GET /api/users', expected: ADMIN_ONLY(200) },
    { route: 'POST /api/users', expected: ADMIN_ONLY(201), prepare: async () => ({ path: '/api/users', body: { email: `${unique('new')}@test.local`, password: 'new-user-password', role: 'integrator' } }) },
    { route: 'GET /api/users/:id', expected: ADMIN_ONLY(200), prepare: async () => ({ path: `/api/users/${(await newUser()).id}` }) },
    { route: 'PATCH /api/users/:id', expected: ADMIN_ONLY(200), prepare: async () => ({ path: `/api/users/${(await newUser()).id}`, body: { displayName: 'Renamed' } }) },
    { route: 'DELETE /api/users/:id', expected: ADMIN_ONLY(204), prepare: async () => ({ path: `/api/users/${(await newUser()).id}` }) },

    { route: 'GET /api/api-keys', expected: ADMIN_ONLY(200) },
    { route: 'POST /api/api-keys', expected: ADMIN_ONLY(201), prepare: async () => ({ path: '/api/api-keys', body: { name: unique('key') } }) },
    { route: 'DELETE /api/api-keys/:id', expected: ADMIN_ONLY(204), prepare: async () => ({ path: `/api/api-keys/${(await created('post', '/api/api-keys', { name: unique('doomed') })).id}` }) },

    { route: 'GET /api/cameras', expected: SIGNED_IN(200) },
    { route: 'POST /api/cameras', expected: CAMERA_WRITE(201), prepare: async () => ({ path: '/api/cameras', body: { name: unique('New camera'), sourceUrl: 'rtsp://127.0.0.1:8554/new' } }) },
    { route: 'GET /api/cameras/:id', expected: SIGNED_IN(200), prepare: async () => ({ path: `/api/cameras/${sharedCameraId}` }) },
    { route: 'PATCH /api/cameras/:id', expected: CAMERA_WRITE(200), prepare: async () => ({ path: `/api/cameras/${(await newCamera()).id}`, body: { description: 'moved to gate 2' } }) },
    { route: 'DELETE /api/cameras/:id', expected: CAMERA_WRITE(204), prepare: async () => ({ path: `/api/cameras/${(await newCamera()).id}` }) },
    // No streaming service runs here, so an admin's valid test ends in 503 STREAMING.UNAVAILABLE after auth and
    // validation; the answers of a running one are in camera-source-tools.e2e-spec.ts.
    { route: 'POST /api/cameras/test-connection', expected: ADMIN_ONLY(503), prepare: async () => ({ path: '/api/cameras/test-connection', body: { sourceUrl: 'rtsp://127.0.0.1:8554/probe' } }) },
    { route: 'POST /api/cameras/:id/test-connection', expected: ADMIN_ONLY(503), prepare: async () => ({ path: `/api/cameras/${sharedCameraId}/test-connection`, body: {} }) },

    { route: 'GET /api/mosaics', expected: MOSAICS(200) },
    { route: 'POST /api/mosaics', expected: MOSAICS(201), prepare: async () => ({ path: '/api/mosaics', body: mosaicBody() }) },
    { route: 'GET /api/mosaics/:id', expected: MOSAICS(200), prepare: async (caller) => ({ path: `/api/mosaics/${(await newMosaicFor(caller)).id}` }) },
    { route: 'PATCH /api/mosaics/:id', expected: MOSAICS(200), prepare: async (caller) => ({ path: `/api/mosaics/${(await newMosaicFor(caller)).id}`, body: { name: unique('Renamed wall'), layout: '3x3' } }) },
    { route: 'DELETE /api/mosaics/:id', expected: MOSAICS(204), prepare: async (caller) => ({ path: `/api/mosaics/${(await newMosaicFor(caller)).id}` }) },

    { route: 'GET /api/detections', expected: SIGNED_IN(200) },
    { route: 'GET /api/detections/:id', expected: SIGNED_IN(200), prepare: async () => ({ path: `/api/detections/${(await newDetection()).id}` }) },
    { route: 'GET /api/dashboard/stats', expected: SIGNED_IN(200) },

    { route: 'GET /health', expected: PUBLIC(200) },
    { route: 'GET /health/ready', expected: PUBLIC(200) },
    { route: 'GET /api/health', expected: PUBLIC(200) },
    { route: 'GET /api/health/ready', expected: PUBLIC(200) },
    { route: 'GET /metrics', expected: PUBLIC(200) },
    { route: 'GET /api/docs', expected: PUBLIC(200) },
    // Service to service: only X-Internal-Token opens them (internal-cameras.e2e-spec.ts), no user or key.
    { route: 'GET /api/internal/cameras', expected: PUBLIC(401) },
    { route: 'GET /api/internal/cameras/:id', expected: PUBLIC(401), prepare: async () => ({ path: `/api/internal/cameras/${sharedCameraId}` }) },
  ];

  /** Everything a denied call could have changed; last_used_at of keys is left out (using a key sets it). */
  const fingerprint = async () =>
    (await api.db.query(`SELECT
      (SELECT count(*) FROM users) AS users, (SELECT max(updated_at) FROM users) AS users_updated,
      (SELECT string_agg(id || display_name || role || disabled, ',' ORDER BY id) FROM users) AS user_rows,
      (SELECT count(*) FROM api_keys) AS keys, (SELECT count(*) FROM api_keys WHERE revoked_at IS NOT NULL) AS revoked_keys,
      (SELECT count(*) FROM cameras) AS cameras, (SELECT coalesce(sum(revision), 0) FROM cameras) AS camera_revisions,
      (SELECT count(*) FROM mosaics) AS mosaics, (SELECT max(updated_at) FROM mosaics) AS mosaics_updated,
      (SELECT count(*) FROM mosaic_tiles) AS tiles, (SELECT count(*) FROM outbox_events) AS events,
      (SELECT count(*) FROM detections) AS detections,
      (SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NOT NULL) AS revoked_sessions`))[0];

  beforeAll(async () => {
    // About 150 calls in a few seconds from one IP and a few principals: lift the limit, tested elsewhere.
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '100000' });
    tokens.admin = await api.tokenFor('admin');
    tokens.operator = await api.tokenFor('operator');
    tokens.integrator = await api.tokenFor('integrator');
    apiKey = (await api.http.post('/api/api-keys').set('Authorization', `Bearer ${tokens.admin}`).send({ name: 'matrix integrator' }).expect(201)).body.key;
    sharedCameraId = (await newCamera()).id;
  });

  afterAll(async () => {
    await api.close();
  });

  it('the table lists every route the app serves, each once', () => {
    const router = (api.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
    const served = router.stack
      .map((layer) => layer.route)
      .filter((route): route is NonNullable<typeof route> => route !== undefined && Object.keys(route.methods).length === 1)
      // Swagger UI's own assets and the JSON document (checked below) are not API endpoints.
      .filter((route) => !route.path.startsWith('/api/docs') || route.path === '/api/docs')
      .map((route) => `${Object.keys(route.methods)[0].toUpperCase()} ${route.path}`);
    const listed = ENDPOINTS.map((endpoint) => endpoint.route);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...new Set(served)].sort()).toEqual([...listed].sort());
  });

  const cases = ENDPOINTS.flatMap((endpoint) => CALLERS.map((caller) => [endpoint.route, caller, endpoint.expected[caller], endpoint] as const));

  it.each(cases)('%s as %s -> %i', async (route, caller, status, endpoint) => {
    const [method, template] = route.split(' ') as [string, string];
    const request = endpoint.prepare ? await endpoint.prepare(caller) : { path: template };
    const denied = status === 401 || status === 403;
    const before = denied ? await fingerprint() : null;

    let call = as(caller, method.toLowerCase() as Method, request.path);
    if (request.body) call = call.send(request.body);
    const response = await call;

    expect({ status: response.status, body: response.status === status ? 'as expected' : response.body }).toEqual({ status, body: 'as expected' });
    const unauthenticated = route.includes('/internal/') ? 'AUTH.INTERNAL_TOKEN_INVALID' : 'AUTH.UNAUTHENTICATED';
    if (status === 401) expect(response.body).toEqual({ error: { code: unauthenticated, message: expect.any(String) } });
    if (status === 403) expect(response.body).toEqual({ error: { code: 'AUTH.FORBIDDEN', message: expect.any(String) } });
    if (denied) expect(await fingerprint()).toEqual(before);
  });

  describe('allowed calls really did their work', () => {
    it('/api/auth/me tells each caller who it is', async () => {
      const me = async (caller: Caller) => (await as(caller, 'get', '/api/auth/me').expect(200)).body;
      expect(await me('admin')).toMatchObject({ kind: 'user', role: 'admin', email: ADMIN.email });
      expect(await me('operator')).toMatchObject({ kind: 'user', role: 'operator' });
      expect(await me('integrator')).toMatchObject({ kind: 'user', role: 'integrator' });
      expect(await me('integratorKey')).toEqual({ id: expect.any(String), kind: 'api-key', role: 'integrator' });
    });

    it('operators and integrators read the same cameras as the admin', async () => {
      const list = async (caller: Caller) => (await as(caller, 'get', '/api/cameras').expect(200)).body.map((camera: { id: string }) => camera.id).sort();
      const expected = await list('admin');
      expect(expected).toContain(sharedCameraId);
      for (const caller of ['operator', 'integrator', 'integratorKey'] as const) expect(await list(caller)).toEqual(expected);
    });

    it('an admin write is visible afterwards', async () => {
      const camera = await newCamera();
      await asAdmin('delete', `/api/cameras/${camera.id}`).expect(204);
      expect((await asAdmin('get', `/api/cameras/${camera.id}`).expect(404)).body.error.code).toBe('CAMERA.NOT_FOUND');
      const user = await newUser();
      await asAdmin('patch', `/api/users/${user.id}`).send({ displayName: 'Night shift' }).expect(200);
      expect((await asAdmin('get', `/api/users/${user.id}`).expect(200)).body.displayName).toBe('Night shift');
    });

    it('public routes answer with their documents', async () => {
      expect((await api.http.get('/health').expect(200)).body.status).toBe('ok');
      expect((await api.http.get('/health/ready').expect(200)).body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' }, rabbitmq: { status: 'up' } } });
      expect((await api.http.get('/metrics').expect(200)).text).toContain('process_cpu_user_seconds_total');
      expect((await api.http.get('/api/docs').expect(200)).text).toContain('swagger');
    });
  });

  describe('OpenAPI document', () => {
    let doc: {
      components: { securitySchemes: Record<string, Record<string, string>> };
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    };

    beforeAll(async () => {
      const response = await api.http.get('/api/docs/openapi.json').expect(200);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      doc = response.body;
    });

    it('declares the bearer and api-key security schemes', () => {
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
      expect(doc.components.securitySchemes['api-key']).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
    });

    it('documents every camera operation, each accepting a bearer token or an API key', () => {
      expect(Object.keys(doc.paths['/api/cameras']).sort()).toEqual(['get', 'post']);
      expect(Object.keys(doc.paths['/api/cameras/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
      for (const path of ['/api/cameras', '/api/cameras/{id}']) {
        for (const operation of Object.values(doc.paths[path])) {
          expect(operation.security).toEqual(expect.arrayContaining([{ bearer: [] }, { 'api-key': [] }]));
        }
      }
    });

    it('documents the detection and dashboard reads with their filters, each accepting a bearer token or an API key', () => {
      for (const path of ['/api/detections', '/api/detections/{id}', '/api/dashboard/stats']) {
        expect(Object.keys(doc.paths[path])).toEqual(['get']);
        expect(doc.paths[path].get.security).toEqual(expect.arrayContaining([{ bearer: [] }, { 'api-key': [] }]));
      }
      const parameters = (doc.paths['/api/detections'].get as { parameters?: { name: string; in: string }[] }).parameters ?? [];
      expect(parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name).sort())
        .toEqual(['cameraId', 'class', 'cursor', 'from', 'limit', 'minConfidence', 'to']);
    });

    it('documents every route of the table except the unlisted /metrics, internal routes and the docs themselves', () => {
      const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
      const expected = ENDPOINTS.map((endpoint) => endpoint.route).filter((route) => route !== 'GET /metrics' && route !== 'GET /api/docs' && !route.includes('/internal/'));
      expect(documented.sort()).toEqual(expected.sort());
    });
  });
});
