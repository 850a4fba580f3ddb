import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ApiHarness, MEDIA_DIR, startApi } from '../support/api-harness';

/**
 * Bad camera input never reaches the database or the outbox, and never becomes a 500:
 * every refusal is a 4xx in the `{error:{code,message,details?}}` envelope with a stable code.
 */

const VALID = { name: 'Valid camera', sourceUrl: 'rtsp://127.0.0.1:8554/valid' };
const TRIANGLE = [[0.1, 0.1], [0.9, 0.1], [0.5, 0.9]];

interface BadCase {
  name: string;
  /** A JSON body, or `raw` text sent as application/json as is. */
  body?: unknown;
  raw?: string;
  status: number;
  code: string;
  /** The field `details` must name; absent where the error has no field (body-level errors). */
  field?: string;
}

const withCamera = (changes: object) => ({ ...VALID, ...changes });
const withAi = (ai: object) => withCamera({ ai });
const withRoi = (...roi: unknown[]) => withAi({ roi });

const CREATE_CASES: BadCase[] = [
  // Wrong types and missing or out-of-range fields: the DTO layer, 400 VALIDATION.FAILED.
  { name: 'name is a number', body: withCamera({ name: 42 }), status: 400, code: 'VALIDATION.FAILED', field: 'name' },
  { name: 'enabled is a string', body: withCamera({ enabled: 'yes' }), status: 400, code: 'VALIDATION.FAILED', field: 'enabled' },
  { name: 'location is a string', body: withCamera({ location: 'Paris' }), status: 400, code: 'VALIDATION.FAILED', field: 'location' },
  { name: 'ai.classes is a string', body: withAi({ classes: 'person' }), status: 400, code: 'VALIDATION.FAILED', field: 'ai.classes' },
  { name: 'ai.minConfidence is a string', body: withAi({ minConfidence: '0.5' }), status: 400, code: 'VALIDATION.FAILED', field: 'ai.minConfidence' },
  { name: 'name is missing', body: { sourceUrl: VALID.sourceUrl }, status: 400, code: 'VALIDATION.FAILED', field: 'name' },
  { name: 'sourceUrl is missing', body: { name: VALID.name }, status: 400, code: 'VALIDATION.FAILED', field: 'sourceUrl' },
  { name: 'name is empty', body: withCamera({ name: '' }), status: 400, code: 'VALIDATION.FAILED', field: 'name' },
  { name: 'name is only spaces', body: withCamera({ name: '    ' }), status: 422, code: 'CAMERA.NAME_INVALID', field: 'name' },
  { name: 'name has 101 characters', body: withCamera({ name: 'n'.repeat(101) }), status: 400, code: 'VALIDATION.FAILED', field: 'name' },
  { name: 'description has 1001 characters', body: withCamera({ description: 'd'.repeat(1001) }), status: 400, code: 'VALIDATION.FAILED', field: 'description' },
  { name: 'name is a 10 KB string', body: withCamera({ name: 'x'.repeat(10 * 1024) }), status: 400, code: 'VALIDATION.FAILED', field: 'name' },
  { name: 'body of 300 KB (over the 256 KB limit)', body: withCamera({ description: 'x'.repeat(300 * 1024) }), status: 413, code: 'REQUEST.TOO_LARGE' },
  { name: 'malformed JSON', raw: '{"name": "Broken", "sourceUrl": ', status: 400, code: 'REQUEST.MALFORMED_JSON' },
  { name: 'a JSON array instead of an object', body: [VALID], status: 400, code: 'VALIDATION.FAILED', field: 'name' },
  { name: 'unknown top-level field', body: withCamera({ isAdmin: true }), status: 400, code: 'VALIDATION.FAILED', field: 'isAdmin' },
  { name: 'unknown nested field', body: withAi({ enabled: true, gpu: 'fast' }), status: 400, code: 'VALIDATION.FAILED', field: 'ai.gpu' },
  { name: 'credentials.username is empty', body: withCamera({ credentials: { username: '', password: 'pw' } }), status: 400, code: 'VALIDATION.FAILED', field: 'credentials.username' },
  { name: 'credentials.password is missing', body: withCamera({ credentials: { username: 'viewer' } }), status: 400, code: 'VALIDATION.FAILED', field: 'credentials.password' },
  { name: 'lat is 91', body: withCamera({ location: { lat: 91, lng: 2 } }), status: 400, code: 'VALIDATION.FAILED', field: 'location.lat' },
  { name: 'lng is -181', body: withCamera({ location: { lat: 48, lng: -181 } }), status: 400, code: 'VALIDATION.FAILED', field: 'location.lng' },
  { name: 'lat is the string "NaN"', body: withCamera({ location: { lat: 'NaN', lng: 2 } }), status: 400, code: 'VALIDATION.FAILED', field: 'location.lat' },
  { name: 'more than 16 ROI polygons', body: withRoi(...Array.from({ length: 17 }, () => TRIANGLE)), status: 400, code: 'VALIDATION.FAILED', field: 'ai.roi' },
  { name: 'ROI point with 3 numbers', body: withRoi([[0.1, 0.1, 0.5], [0.9, 0.1], [0.5, 0.9]]), status: 400, code: 'VALIDATION.FAILED', field: 'ai.roi' },
  { name: 'unknown AI class "dragon"', body: withAi({ classes: ['person', 'dragon'] }), status: 400, code: 'VALIDATION.FAILED', field: 'ai.classes' },
  { name: 'minConfidence 1.5', body: withAi({ minConfidence: 1.5 }), status: 400, code: 'VALIDATION.FAILED', field: 'ai.minConfidence' },

  // Source URL syntax: the domain, 422 CAMERA.SOURCE_URL_INVALID.
  { name: 'ftp:// scheme', body: withCamera({ sourceUrl: 'ftp://127.0.0.1/cam.mp4' }), status: 422, code: 'CAMERA.SOURCE_URL_INVALID', field: 'sourceUrl' },
  { name: 'javascript: scheme', body: withCamera({ sourceUrl: 'javascript:alert(1)' }), status: 422, code: 'CAMERA.SOURCE_URL_INVALID', field: 'sourceUrl' },
  { name: 'gopher:// scheme', body: withCamera({ sourceUrl: 'gopher://127.0.0.1:70/_GET' }), status: 422, code: 'CAMERA.SOURCE_URL_INVALID', field: 'sourceUrl' },
  { name: 'rtsp:// without a host', body: withCamera({ sourceUrl: 'rtsp://' }), status: 422, code: 'CAMERA.SOURCE_URL_INVALID', field: 'sourceUrl' },
  { name: 'not a URL at all', body: withCamera({ sourceUrl: 'not a url' }), status: 422, code: 'CAMERA.SOURCE_URL_INVALID', field: 'sourceUrl' },
  { name: 'HTTP source that is not an .m3u8 playlist', body: withCamera({ sourceUrl: 'http://cam/stream.mp4' }), status: 422, code: 'CAMERA.SOURCE_URL_INVALID', field: 'sourceUrl' },
  { name: 'URL with spaces', body: withCamera({ sourceUrl: 'rtsp://127.0.0.1:8554/front door' }), status: 422, code: 'CAMERA.SOURCE_URL_INVALID', field: 'sourceUrl' },
  { name: 'URL with a fragment', body: withCamera({ sourceUrl: 'rtsp://127.0.0.1:8554/live#main' }), status: 422, code: 'CAMERA.SOURCE_URL_INVALID', field: 'sourceUrl' },
  { name: 'malformed percent-encoding in the userinfo', body: withCamera({ sourceUrl: 'rtsp://us%ZZer:pw@127.0.0.1:8554/live' }), status: 422, code: 'CAMERA.SOURCE_URL_INVALID', field: 'sourceUrl' },
  { name: 'file source with credentials', body: withCamera({ sourceUrl: `file://${MEDIA_DIR}/street_traffic_640x360.mp4`, credentials: { username: 'u', password: 'p' } }), status: 422, code: 'CAMERA.SOURCE_URL_INVALID', field: 'sourceUrl' },

  // Server-side request forgery: always-forbidden ranges and names, 422 CAMERA.SOURCE_FORBIDDEN.
  { name: 'SSRF: rtsp://169.254.169.254/ (cloud metadata)', body: withCamera({ sourceUrl: 'rtsp://169.254.169.254/' }), status: 422, code: 'CAMERA.SOURCE_FORBIDDEN', field: 'sourceUrl' },
  { name: 'SSRF: HLS on 169.254.169.254', body: withCamera({ sourceUrl: 'http://169.254.169.254/latest/meta-data.m3u8' }), status: 422, code: 'CAMERA.SOURCE_FORBIDDEN', field: 'sourceUrl' },
  { name: 'SSRF: IPv6 link-local rtsp://[fe80::1]/', body: withCamera({ sourceUrl: 'rtsp://[fe80::1]/' }), status: 422, code: 'CAMERA.SOURCE_FORBIDDEN', field: 'sourceUrl' },
  { name: 'SSRF: rtsp://metadata.google.internal/', body: withCamera({ sourceUrl: 'rtsp://metadata.google.internal/' }), status: 422, code: 'CAMERA.SOURCE_FORBIDDEN', field: 'sourceUrl' },
  { name: 'SSRF: rtsp://0.0.0.0/', body: withCamera({ sourceUrl: 'rtsp://0.0.0.0/' }), status: 422, code: 'CAMERA.SOURCE_FORBIDDEN', field: 'sourceUrl' },
  { name: 'SSRF: IPv4-mapped IPv6 metadata address', body: withCamera({ sourceUrl: 'rtsp://[::ffff:169.254.169.254]/' }), status: 422, code: 'CAMERA.SOURCE_FORBIDDEN', field: 'sourceUrl' },
  { name: 'SSRF: metadata address written as one decimal number', body: withCamera({ sourceUrl: 'rtsp://2852039166/' }), status: 422, code: 'CAMERA.SOURCE_FORBIDDEN', field: 'sourceUrl' },
  { name: 'SSRF: metadata address written in octal', body: withCamera({ sourceUrl: 'rtsp://0251.0376.0251.0376/' }), status: 422, code: 'CAMERA.SOURCE_FORBIDDEN', field: 'sourceUrl' },
  { name: 'file:///etc/passwd (outside CAMERA_FILE_ROOTS)', body: withCamera({ sourceUrl: 'file:///etc/passwd' }), status: 422, code: 'CAMERA.SOURCE_FORBIDDEN', field: 'sourceUrl' },
  { name: 'file URL to a missing file inside the media root', body: withCamera({ sourceUrl: `file://${MEDIA_DIR}/no-such-recording.mp4` }), status: 422, code: 'CAMERA.SOURCE_NOT_FOUND', field: 'sourceUrl' },

  // ROI geometry: the domain, 422 CAMERA.ROI_INVALID naming the polygon.
  { name: 'ROI polygon with 2 points', body: withRoi([[0.1, 0.1], [0.9, 0.9]]), status: 422, code: 'CAMERA.ROI_INVALID', field: 'ai.roi.0' },
  { name: 'ROI coordinate 1.5', body: withRoi([[0.1, 0.1], [1.5, 0.1], [0.5, 0.9]]), status: 422, code: 'CAMERA.ROI_INVALID', field: 'ai.roi.0' },
  { name: 'ROI coordinate -0.1', body: withRoi(TRIANGLE, [[-0.1, 0.1], [0.9, 0.1], [0.5, 0.9]]), status: 422, code: 'CAMERA.ROI_INVALID', field: 'ai.roi.1' },
  { name: 'ROI self-intersecting bow-tie', body: withRoi([[0.1, 0.1], [0.9, 0.9], [0.9, 0.1], [0.1, 0.9]]), status: 422, code: 'CAMERA.ROI_INVALID', field: 'ai.roi.0' },
  { name: 'ROI polygon without area (collinear points)', body: withRoi([[0.1, 0.1], [0.5, 0.5], [0.9, 0.9]]), status: 422, code: 'CAMERA.ROI_INVALID', field: 'ai.roi.0' },

  // Credentials given twice.
  { name: 'credentials both in the URL and in the body', body: withCamera({ sourceUrl: 'rtsp://viewer:pw@127.0.0.1:8554/live', credentials: { username: 'viewer', password: 'pw' } }), status: 422, code: 'CAMERA.CREDENTIALS_CONFLICT', field: 'credentials' },
];

const PATCH_CASES: BadCase[] = [
  { name: 'name: null', body: { name: null }, status: 400, code: 'VALIDATION.FAILED', field: 'name' },
  { name: 'sourceUrl: null', body: { sourceUrl: null }, status: 400, code: 'VALIDATION.FAILED', field: 'sourceUrl' },
  { name: 'description: null', body: { description: null }, status: 400, code: 'VALIDATION.FAILED', field: 'description' },
  { name: 'enabled: null', body: { enabled: null }, status: 400, code: 'VALIDATION.FAILED', field: 'enabled' },
  { name: 'enabled is a string', body: { enabled: 'no' }, status: 400, code: 'VALIDATION.FAILED', field: 'enabled' },
  { name: 'name is only spaces', body: { name: '   ' }, status: 422, code: 'CAMERA.NAME_INVALID', field: 'name' },
  { name: 'unknown field', body: { owner: 'me' }, status: 400, code: 'VALIDATION.FAILED', field: 'owner' },
  { name: 'SSRF source 169.254.169.254', body: { sourceUrl: 'rtsp://169.254.169.254/' }, status: 422, code: 'CAMERA.SOURCE_FORBIDDEN', field: 'sourceUrl' },
  { name: 'bad scheme', body: { sourceUrl: 'ftp://127.0.0.1/cam' }, status: 422, code: 'CAMERA.SOURCE_URL_INVALID', field: 'sourceUrl' },
  { name: 'bow-tie ROI', body: { ai: { roi: [[[0.1, 0.1], [0.9, 0.9], [0.9, 0.1], [0.1, 0.9]]] } }, status: 422, code: 'CAMERA.ROI_INVALID', field: 'ai.roi.0' },
  { name: 'minConfidence -0.5', body: { ai: { minConfidence: -0.5 } }, status: 400, code: 'VALIDATION.FAILED', field: 'ai.minConfidence' },
  { name: 'malformed JSON', raw: '{"name": ', status: 400, code: 'REQUEST.MALFORMED_JSON' },
];

function expectErrorEnvelope(response: { status: number; body: unknown }, expected: BadCase): void {
  expect({ status: response.status, code: (response.body as { error?: { code?: string } }).error?.code }).toEqual({
    status: expected.status,
    code: expected.code,
  });
  const body = response.body as { error: { code: string; message: string; details?: { field: string; message: string }[] } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toEqual({ code: expected.code, message: expect.any(String), ...(body.error.details ? { details: expect.any(Array) } : {}) });
  expect(body.error.message.length).toBeGreaterThan(0);
  if (expected.field === undefined) {
    expect(body.error.details).toBeUndefined();
    return;
  }
  expect(body.error.details).toEqual(expect.arrayContaining([{ field: expected.field, message: expect.any(String) }]));
  for (const detail of body.error.details!) expect(detail).toEqual({ field: expect.any(String), message: expect.any(String) });
}

describe('camera validation (e2e)', () => {
  let api: ApiHarness;
  let admin: string;

  const counts = async () => {
    const [row] = await api.db.query<{ cameras: string; events: string }>(
      'SELECT (SELECT count(*) FROM cameras) AS cameras, (SELECT count(*) FROM outbox_events) AS events',
    );
    return row;
  };
  const send = (method: 'post' | 'patch', path: string, testCase: BadCase) => {
    const call = api.http[method](path).set('Authorization', `Bearer ${admin}`);
    return testCase.raw !== undefined ? call.set('Content-Type', 'application/json').send(testCase.raw) : call.send(testCase.body as object);
  };
  const create = async (body: object) => {
    const response = await api.http.post('/api/cameras').set('Authorization', `Bearer ${admin}`).send(body);
    expect(response.status).toBe(201);
    return response.body as { id: string; name: string; revision: number; sourceUrl: string; credentials: unknown };
  };

  beforeAll(async () => {
    // Dozens of admin calls in a few seconds: lift the per-principal limit, which this file does not test.
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '100000' });
    admin = await api.tokenFor('admin');
  });

  afterAll(async () => {
    await api.close();
  });

  it(`has at least 35 distinct bad create payloads`, () => {
    expect(CREATE_CASES.length).toBeGreaterThanOrEqual(35);
    expect(new Set(CREATE_CASES.map((testCase) => testCase.name)).size).toBe(CREATE_CASES.length);
  });

  describe('POST /api/cameras refuses', () => {
    it.each(CREATE_CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
      const before = await counts();
      const response = await send('post', '/api/cameras', testCase);
      expectErrorEnvelope(response, testCase);
      expect(await counts()).toEqual(before);
    });
  });

  describe('PATCH /api/cameras/:id refuses', () => {
    let existing: { id: string; name: string; revision: number };

    beforeAll(async () => {
      existing = await create({ name: 'Patch target', sourceUrl: 'rtsp://127.0.0.1:8554/patch-target', ai: { roi: [TRIANGLE] } });
    });

    it.each(PATCH_CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
      const before = await counts();
      const response = await send('patch', `/api/cameras/${existing.id}`, testCase);
      expectErrorEnvelope(response, testCase);
      expect(await counts()).toEqual(before);
      const [row] = await api.db.query<{ name: string; revision: number }>('SELECT name, revision FROM cameras WHERE id = $1', [existing.id]);
      expect(row).toEqual({ name: 'Patch target', revision: 1 });
    });
  });

  it('none of the refused payloads made the api log an error', () => {
    const errors = api.logs.lines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
    expect(errors).toEqual([]);
  });

  it('a partial ai object keeps the defaults for the settings it leaves out', async () => {
    const camera = await create({ name: 'Partial AI', sourceUrl: 'rtsp://127.0.0.1:8554/partial-ai', ai: { roi: [TRIANGLE] } });
    expect(camera).toMatchObject({ ai: { enabled: false, classes: ['person', 'bicycle', 'car', 'motorcycle', 'bus', 'truck'], minConfidence: 0.5, roi: [TRIANGLE] } });
    const patched = await api.http.patch(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).send({ ai: { enabled: true } }).expect(200);
    expect(patched.body.ai).toEqual({ enabled: true, classes: ['person', 'bicycle', 'car', 'motorcycle', 'bus', 'truck'], minConfidence: 0.5, roi: [TRIANGLE] });
  });

  describe('private network sources with the default test setting (true)', () => {
    it.each(['rtsp://127.0.0.1/', 'rtsp://10.0.0.5/'])('accepts %s', async (sourceUrl) => {
      const before = await counts();
      const camera = await create({ name: `LAN ${sourceUrl}`, sourceUrl });
      expect(camera.sourceUrl).toBe(sourceUrl);
      const after = await counts();
      expect(Number(after.cameras)).toBe(Number(before.cameras) + 1);
      expect(Number(after.events)).toBe(Number(before.events) + 1);
    });
  });

  describe('camera credentials', () => {
    const URL_PASSWORD = 'S3cretPass';
    const BODY_PASSWORD = 'B0dy-Secret-42';
    const ROTATED_PASSWORD = 'R0tated-Secret-77';
    const SECRETS = [URL_PASSWORD, BODY_PASSWORD, ROTATED_PASSWORD];
    const responses: string[] = [];
    let inUrl: { id: string };
    let inBody: { id: string };

    const record = <T extends { text: string }>(response: T): T => {
      responses.push(response.text);
      return response;
    };

    beforeAll(async () => {
      inUrl = record(await api.http.post('/api/cameras').set('Authorization', `Bearer ${admin}`)
        .send({ name: 'Gate (URL credentials)', sourceUrl: `rtsp://user:${URL_PASSWORD}@127.0.0.1:8554/live` }).expect(201)).body;
      inBody = record(await api.http.post('/api/cameras').set('Authorization', `Bearer ${admin}`)
        .send({ name: 'Dock (body credentials)', sourceUrl: 'rtsp://127.0.0.1:8554/dock', credentials: { username: 'operator', password: BODY_PASSWORD } }).expect(201)).body;
    });

    it('answers create, get, list and patch with masked credentials and a source URL without userinfo', async () => {
      const [createdFromUrl, createdFromBody] = responses.map((text) => JSON.parse(text));
      expect(createdFromUrl).toMatchObject({ sourceUrl: 'rtsp://127.0.0.1:8554/live', credentials: { username: 'u***', password: '********' } });
      expect(createdFromBody).toMatchObject({ sourceUrl: 'rtsp://127.0.0.1:8554/dock', credentials: { username: 'o*******', password: '********' } });

      for (let round = 0; round < 2; round++) {
        // The second round is served from the Redis cache.
        const got = record(await api.http.get(`/api/cameras/${inUrl.id}`).set('Authorization', `Bearer ${admin}`).expect(200));
        expect(got.body).toMatchObject({ sourceUrl: 'rtsp://127.0.0.1:8554/live', credentials: { username: 'u***', password: '********' } });
        const list = record(await api.http.get('/api/cameras').set('Authorization', `Bearer ${admin}`).expect(200));
        expect(list.body.find((camera: { id: string }) => camera.id === inBody.id)).toMatchObject({ credentials: { username: 'o*******', password: '********' } });
      }

      const patched = record(await api.http.patch(`/api/cameras/${inBody.id}`).set('Authorization', `Bearer ${admin}`)
        .send({ description: 'north dock', credentials: { username: 'operator', password: ROTATED_PASSWORD } }).expect(200));
      expect(patched.body).toMatchObject({ description: 'north dock', credentials: { username: 'o*******', password: '********' } });
      const integrator = await api.tokenFor('integrator');
      record(await api.http.get(`/api/cameras/${inBody.id}`).set('Authorization', `Bearer ${integrator}`).expect(200));

      expect(responses.length).toBeGreaterThanOrEqual(8);
      for (const text of responses) for (const secret of SECRETS) expect(text).not.toContain(secret);
    });

    it('writes no password to a log line', () => {
      const text = api.logs.text();
      expect(text).toContain('/api/cameras');
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    });

    it('puts no password in an outbox event and says only that credentials exist', async () => {
      const rows = await api.db.query<{ envelope: { data: { cameraId: string; sourceUrl: string; hasCredentials: boolean } } }>(
        'SELECT envelope FROM outbox_events WHERE aggregate_id = ANY($1)', [[inUrl.id, inBody.id]],
      );
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const { envelope } of rows) {
        expect(envelope.data.hasCredentials).toBe(true);
        expect(envelope.data.sourceUrl).not.toContain('@');
        for (const secret of SECRETS) expect(JSON.stringify(envelope)).not.toContain(secret);
      }
    });

    it('stores the credentials encrypted and the source URL without them', async () => {
      const rows = await api.db.query<{ source_url: string; credentials_encrypted: string; whole_row: string }>(
        'SELECT source_url, credentials_encrypted, row_to_json(c)::text AS whole_row FROM cameras c WHERE id = ANY($1)', [[inUrl.id, inBody.id]],
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.source_url).not.toContain('@');
        expect(row.credentials_encrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
        for (const secret of SECRETS) {
          expect(row.whole_row).not.toContain(secret);
          expect(row.whole_row).not.toContain(Buffer.from(secret).toString('base64'));
          expect(row.whole_row).not.toContain(Buffer.from(secret).toString('base64url'));
        }
      }
    });

    it('keeps no password in the camera cache', async () => {
      const redis = new Redis({ host: '127.0.0.1', port: 6379, db: 1 });
      try {
        const keys = await redis.keys(`${api.env.REDIS_KEY_PREFIX}cameras:*`);
        expect(keys.length).toBeGreaterThan(0);
        const values = await Promise.all(keys.map((key) => redis.get(key)));
        for (const value of values) for (const secret of SECRETS) expect(value).not.toContain(secret);
      } finally {
        redis.disconnect();
      }
    });
  });

  describe('names and ids', () => {
    it('refuses a duplicate name, whatever its case, with 409 CAMERA.NAME_TAKEN', async () => {
      await create({ name: 'Main Lobby', sourceUrl: 'rtsp://127.0.0.1:8554/lobby' });
      const before = await counts();
      const duplicate = await api.http.post('/api/cameras').set('Authorization', `Bearer ${admin}`).send({ name: 'MAIN lobby', sourceUrl: 'rtsp://127.0.0.1:8554/lobby2' });
      expectErrorEnvelope(duplicate, { name: 'dup', status: 409, code: 'CAMERA.NAME_TAKEN' });
      const other = await create({ name: 'Side Lobby', sourceUrl: 'rtsp://127.0.0.1:8554/side' });
      const afterCreate = await counts();
      const rename = await api.http.patch(`/api/cameras/${other.id}`).set('Authorization', `Bearer ${admin}`).send({ name: 'main LOBBY' });
      expectErrorEnvelope(rename, { name: 'rename', status: 409, code: 'CAMERA.NAME_TAKEN' });
      expect(await counts()).toEqual(afterCreate);
      expect(Number(afterCreate.cameras)).toBe(Number(before.cameras) + 1);
    });

    it('answers GET, PATCH and DELETE of an unknown id with 404 CAMERA.NOT_FOUND', async () => {
      const id = randomUUID();
      const before = await counts();
      const responses = [
        await api.http.get(`/api/cameras/${id}`).set('Authorization', `Bearer ${admin}`),
        await api.http.patch(`/api/cameras/${id}`).set('Authorization', `Bearer ${admin}`).send({ name: 'Ghost' }),
        await api.http.delete(`/api/cameras/${id}`).set('Authorization', `Bearer ${admin}`),
      ];
      for (const response of responses) expectErrorEnvelope(response, { name: '404', status: 404, code: 'CAMERA.NOT_FOUND' });
      expect(await counts()).toEqual(before);
    });

    it.each(['not-a-uuid', '123', "1' OR '1'='1"])('answers a malformed id %p with 400 VALIDATION.FAILED on GET, PATCH and DELETE', async (id) => {
      const path = `/api/cameras/${encodeURIComponent(id)}`;
      const responses = [
        await api.http.get(path).set('Authorization', `Bearer ${admin}`),
        await api.http.patch(path).set('Authorization', `Bearer ${admin}`).send({ name: 'Whatever' }),
        await api.http.delete(path).set('Authorization', `Bearer ${admin}`),
      ];
      for (const response of responses) expectErrorEnvelope(response, { name: 'id', status: 400, code: 'VALIDATION.FAILED', field: 'id' });
    });
  });

  // Last on purpose: a second app in this process re-registers passport's global 'jwt' strategy with its own
  // secret, after which the first app rejects the tokens it issued. Nothing may use `api` after this block.
  describe('private network sources with CAMERA_ALLOW_PRIVATE_NETWORKS=false', () => {
    let strict: ApiHarness;
    let strictAdmin: string;

    beforeAll(async () => {
      strict = await startApi({ CAMERA_ALLOW_PRIVATE_NETWORKS: 'false', RATE_LIMIT_PER_MINUTE: '100000' });
      strictAdmin = await strict.tokenFor('admin');
    });

    afterAll(async () => {
      await strict.close();
    });

    const PRIVATE_SOURCES = [
      'rtsp://127.0.0.1/',
      'rtsp://10.0.0.5/',
      'rtsp://192.168.1.20:554/stream1',
      'rtsp://172.16.4.2/live',
      'rtsp://100.64.0.9/live',
      'rtsp://[::1]/live',
      'rtsp://[fd00::5]/live',
      'rtsp://localhost:8554/live',
      'http://127.0.0.1:8888/cam/index.m3u8',
    ];

    it.each(PRIVATE_SOURCES)('refuses %s when CAMERA_ALLOW_PRIVATE_NETWORKS=false', async (sourceUrl) => {
      const response = await strict.http.post('/api/cameras').set('Authorization', `Bearer ${strictAdmin}`).send({ name: `Private ${sourceUrl}`, sourceUrl });
      expectErrorEnvelope(response, { name: sourceUrl, status: 422, code: 'CAMERA.SOURCE_FORBIDDEN', field: 'sourceUrl' });
      expect(response.body.error.message).toMatch(/CAMERA_ALLOW_PRIVATE_NETWORKS/);
      const [row] = await strict.db.query<{ cameras: string; events: string }>(
        'SELECT (SELECT count(*) FROM cameras) AS cameras, (SELECT count(*) FROM outbox_events) AS events',
      );
      expect(row).toEqual({ cameras: '0', events: '0' });
    });

    it('refuses moving an existing camera onto a private address when CAMERA_ALLOW_PRIVATE_NETWORKS=false', async () => {
      const file = `file://${MEDIA_DIR}/street_traffic_640x360.mp4`;
      const camera = await strict.http.post('/api/cameras').set('Authorization', `Bearer ${strictAdmin}`).send({ name: 'Replay', sourceUrl: file }).expect(201);
      const response = await strict.http.patch(`/api/cameras/${camera.body.id}`).set('Authorization', `Bearer ${strictAdmin}`).send({ sourceUrl: 'rtsp://10.0.0.5/' });
      expectErrorEnvelope(response, { name: 'patch', status: 422, code: 'CAMERA.SOURCE_FORBIDDEN', field: 'sourceUrl' });
      const [row] = await strict.db.query<{ source_url: string }>('SELECT source_url FROM cameras WHERE id = $1', [camera.body.id]);
      expect(row.source_url).toBe(file);
    });
  });
});
