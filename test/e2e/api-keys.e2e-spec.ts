import { createHash, randomUUID } from 'node:crypto';
import { ApiHarness, startApi } from '../support/api-harness';

/** Integrator API keys: shown once, stored as a hash, usable as `X-API-Key` until revoked. */

const KEY_FORMAT = /^vms_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

interface CreatedKey {
  id: string;
  name: string;
  key: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

describe('API keys (e2e)', () => {
  let api: ApiHarness;
  let admin: string;
  let created: CreatedKey;
  let secret: string;

  const createKey = async (name: string) =>
    (await api.http.post('/api/api-keys').set('Authorization', `Bearer ${admin}`).send({ name }).expect(201)).body as CreatedKey;
  const listKeys = () => api.http.get('/api/api-keys').set('Authorization', `Bearer ${admin}`).expect(200);
  const expectInvalidKey = (response: { status: number; body: unknown }) => {
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'AUTH.API_KEY_INVALID', message: expect.any(String) } });
  };

  beforeAll(async () => {
    api = await startApi();
    admin = await api.tokenFor('admin');
    created = await createKey('  Parking analytics  ');
    secret = KEY_FORMAT.exec(created.key)?.[2] ?? '';
  });

  afterAll(async () => {
    await api.close();
  });

  it('creates a key shown once: vms_<id>.<secret>', () => {
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Parking analytics',
      key: expect.stringMatching(KEY_FORMAT),
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(created.key.startsWith(`vms_${created.id}.`)).toBe(true);
    expect(secret).toHaveLength(43);
  });

  it('never lists the key nor its hash', async () => {
    const list = await listKeys();
    expect(list.body).toContainEqual({ id: created.id, name: 'Parking analytics', createdAt: created.createdAt, lastUsedAt: null, revokedAt: null });
    for (const entry of list.body) expect(Object.keys(entry).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'revokedAt']);
    const [{ key_hash: hash }] = await api.db.query<{ key_hash: string }>('SELECT key_hash FROM api_keys WHERE id = $1', [created.id]);
    expect(list.text).not.toContain(secret);
    expect(list.text).not.toContain(hash);
  });

  it('stores only a SHA-256 of the secret', async () => {
    const rows = await api.db.query<{ key_hash: string; whole_row: string }>(
      'SELECT key_hash, row_to_json(k)::text AS whole_row FROM api_keys k WHERE id = $1', [created.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].key_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(rows[0].whole_row).not.toContain(secret);
  });

  it('works as X-API-Key: reads cameras and /me says api-key integrator', async () => {
    const cameras = await api.http.get('/api/cameras').set('X-API-Key', created.key).expect(200);
    expect(Array.isArray(cameras.body)).toBe(true);
    const me = await api.http.get('/api/auth/me').set('X-API-Key', created.key).expect(200);
    expect(me.body).toEqual({ id: created.id, kind: 'api-key', role: 'integrator' });
  });

  it('records when the key was last used', async () => {
    await api.http.get('/api/cameras').set('X-API-Key', created.key).expect(200);
    let lastUsed: Date | null = null;
    for (let attempt = 0; attempt < 40 && !lastUsed; attempt++) {
      const [row] = await api.db.query<{ last_used_at: Date | null }>('SELECT last_used_at FROM api_keys WHERE id = $1', [created.id]);
      lastUsed = row.last_used_at;
      if (!lastUsed) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(lastUsed).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - lastUsed!.getTime())).toBeLessThan(60_000);
    const listed = (await listKeys()).body.find((entry: CreatedKey) => entry.id === created.id);
    expect(listed.lastUsedAt).toBe(lastUsed!.toISOString());

    // Within a minute a further use does not rewrite the row.
    await api.http.get('/api/cameras').set('X-API-Key', created.key).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [again] = await api.db.query<{ last_used_at: Date }>('SELECT last_used_at FROM api_keys WHERE id = $1', [created.id]);
    expect(again.last_used_at).toEqual(lastUsed);
    expect(api.logs.text()).not.toContain('could not record API key use');
  });

  it('never writes the key to the logs', () => {
    expect(api.logs.text()).toContain('/api/auth/me');
    expect(api.logs.text()).not.toContain(secret);
  });

  it.each([
    ['the last character of the secret changed', () => created.key.slice(0, -1) + (created.key.endsWith('A') ? 'B' : 'A')],
    ['the secret of another id', () => `vms_${randomUUID()}.${secret}`],
    ['no vms_ prefix', () => created.key.slice(4)],
    ['a key without a secret', () => `vms_${created.id}.`],
    ['garbage', () => 'let-me-in'],
  ])('refuses a tampered key (%s) with 401 AUTH.API_KEY_INVALID', async (_name, tampered) => {
    expectInvalidKey(await api.http.get('/api/cameras').set('X-API-Key', tampered()));
  });

  it('a wrong API key is refused even alongside a valid admin token', async () => {
    expectInvalidKey(await api.http.get('/api/cameras').set('Authorization', `Bearer ${admin}`).set('X-API-Key', 'vms_wrong'));
  });

  it('an integrator key can read but not create cameras nor manage keys (403 AUTH.FORBIDDEN)', async () => {
    const before = await api.db.query('SELECT (SELECT count(*) FROM cameras) AS cameras, (SELECT count(*) FROM api_keys) AS keys');
    const forbidden = [
      await api.http.post('/api/cameras').set('X-API-Key', created.key).send({ name: 'Sneaky', sourceUrl: 'rtsp://127.0.0.1:8554/sneaky' }),
      await api.http.get('/api/api-keys').set('X-API-Key', created.key),
      await api.http.post('/api/api-keys').set('X-API-Key', created.key).send({ name: 'another one' }),
      await api.http.delete(`/api/api-keys/${created.id}`).set('X-API-Key', created.key),
    ];
    for (const response of forbidden) {
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ error: { code: 'AUTH.FORBIDDEN', message: expect.any(String) } });
    }
    expect(await api.db.query('SELECT (SELECT count(*) FROM cameras) AS cameras, (SELECT count(*) FROM api_keys) AS keys')).toEqual(before);
  });

  it('refuses a key without a name (400 VALIDATION.FAILED)', async () => {
    for (const body of [{}, { name: '' }, { name: 'k'.repeat(101) }, { name: 'ok', scope: 'all' }]) {
      const response = await api.http.post('/api/api-keys').set('Authorization', `Bearer ${admin}`).send(body).expect(400);
      expect(response.body.error.code).toBe('VALIDATION.FAILED');
      expect(response.body.error.details.length).toBeGreaterThan(0);
    }
  });

  it('revoking (204) stops the key at once; other keys keep working', async () => {
    const other = await createKey('Other integrator');
    const doomed = await createKey('To be revoked');
    await api.http.get('/api/cameras').set('X-API-Key', doomed.key).expect(200);
    await api.http.delete(`/api/api-keys/${doomed.id}`).set('Authorization', `Bearer ${admin}`).expect(204);
    expectInvalidKey(await api.http.get('/api/cameras').set('X-API-Key', doomed.key));
    expectInvalidKey(await api.http.get('/api/auth/me').set('X-API-Key', doomed.key));
    await api.http.get('/api/cameras').set('X-API-Key', other.key).expect(200);
    const listed = (await listKeys()).body.find((entry: CreatedKey) => entry.id === doomed.id);
    expect(listed.revokedAt).toEqual(expect.any(String));
  });

  it('revoking an unknown id is 404 API_KEY.NOT_FOUND, a malformed id 400 VALIDATION.FAILED', async () => {
    const unknown = await api.http.delete(`/api/api-keys/${randomUUID()}`).set('Authorization', `Bearer ${admin}`).expect(404);
    expect(unknown.body).toEqual({ error: { code: 'API_KEY.NOT_FOUND', message: expect.any(String) } });
    const malformed = await api.http.delete('/api/api-keys/not-an-id').set('Authorization', `Bearer ${admin}`).expect(400);
    expect(malformed.body.error).toMatchObject({ code: 'VALIDATION.FAILED', details: [{ field: 'id', message: expect.any(String) }] });
  });
});
