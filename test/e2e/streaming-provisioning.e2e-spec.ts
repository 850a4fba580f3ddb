import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiHarness, startApi } from '../support/api-harness';

/**
 * After a camera write commits, the api tells the streaming service (PUT/DELETE on its internal
 * camera API, `X-Internal-Token`). The streaming side here is a stand-in that records the calls:
 * it is our own service, not infrastructure. Streaming being down, failing or slow never fails
 * the write: the camera stays `provisioning` and the answer comes within STREAMING_TIMEOUT_MS.
 */

interface RecordedCall {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** The camera's revision in PostgreSQL when the call arrived (null: no row). */
  storedRevision: number | null;
}

type Mode = 'ok' | 'error' | 'not-found' | 'hang';

/** The streaming service's internal camera API, as far as the api uses it. */
class StreamingStandIn {
  readonly calls: RecordedCall[] = [];
  mode: Mode = 'ok';
  private server: http.Server | null = null;
  private readonly hanging = new Set<http.ServerResponse>();
  port = 0;

  constructor(private readonly storedRevision: (cameraId: string) => Promise<number | null>) {}

  async start(port = this.port): Promise<void> {
    this.server = http.createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      request.on('end', () => void this.answer(request, response, raw));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
    this.server?.closeAllConnections();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  callsFor(cameraId: string): RecordedCall[] {
    return this.calls.filter((call) => call.url.endsWith(`/${cameraId}`));
  }

  private async answer(request: http.IncomingMessage, response: http.ServerResponse, raw: string): Promise<void> {
    const cameraId = (request.url ?? '').split('/').pop() ?? '';
    this.calls.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body: raw ? JSON.parse(raw) : null,
      storedRevision: await this.storedRevision(cameraId),
    });
    if (this.mode === 'hang') {
      this.hanging.add(response);
      return;
    }
    if (this.mode === 'error') {
      response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"code":"INTERNAL.ERROR","message":"boom"}}');
      return;
    }
    if (this.mode === 'not-found' || request.method === 'DELETE') {
      response.writeHead(this.mode === 'not-found' ? 404 : 204).end();
      return;
    }
    const streamPath = `cam_${cameraId}`;
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ streamPath, urls: { hls: `/hls/${streamPath}/index.m3u8`, whep: null } }));
  }
}

const TIMEOUT_MS = 1000;

describe('provisioning calls to the streaming service (e2e)', () => {
  let api: ApiHarness;
  let standIn: StreamingStandIn;
  let admin: string;
  let counter = 0;

  const auth = () => `Bearer ${admin}`;
  const createCamera = (body: object = {}) =>
    api.http.post('/api/cameras').set('Authorization', auth()).send({ name: `Provisioned ${++counter}`, sourceUrl: 'rtsp://127.0.0.1:8554/cam', ...body });
  const warnings = () =>
    api.logs.lines.map((line) => JSON.parse(line) as { level: number; msg: string; cameraId?: string; reason?: string })
      .filter((entry) => entry.level === 40 && /streaming could not/.test(entry.msg));

  beforeAll(async () => {
    standIn = new StreamingStandIn(async (cameraId) => {
      if (!/^[0-9a-f-]{36}$/.test(cameraId)) return null;
      const rows = await api.db.query<{ revision: number }>('SELECT revision FROM cameras WHERE id = $1', [cameraId]);
      return rows[0]?.revision ?? null;
    });
    await standIn.start();
    api = await startApi({ STREAMING_URL: `http://127.0.0.1:${standIn.port}`, STREAMING_TIMEOUT_MS: String(TIMEOUT_MS) });
    admin = await api.login();
  });

  afterEach(() => {
    standIn.mode = 'ok';
  });

  afterAll(async () => {
    await api.close();
    await standIn.stop();
  });

  describe('with streaming up', () => {
    it('a created camera is PUT, after commit, with the token and exactly the provisioning body', async () => {
      const created = await createCamera({ sourceUrl: 'rtsp://viewer:S3cret%21@127.0.0.1:8554/lobby' }).expect(201);
      const id = created.body.id as string;
      expect(created.body).toMatchObject({ status: 'provisioning', streamPath: `cam_${id}`, hlsUrl: `/hls/cam_${id}/index.m3u8` });

      const calls = standIn.callsFor(id);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ method: 'PUT', url: `/api/streaming/internal/cameras/${id}`, storedRevision: 1 });
      expect(calls[0].headers['x-internal-token']).toBe(api.env.STREAMING_INTERNAL_TOKEN);
      expect(calls[0].headers['content-type']).toMatch(/^application\/json/);
      expect(calls[0].body).toEqual({
        cameraId: id,
        streamPath: `cam_${id}`,
        enabled: true,
        revision: 1,
        source: { url: 'rtsp://127.0.0.1:8554/lobby', credentials: { username: 'viewer', password: 'S3cret!' } },
      });
    });

    it('every update is PUT with its new revision: changed credentials, cleared credentials, disabled', async () => {
      const id = (await createCamera().expect(201)).body.id as string;
      const patch = (body: object) => api.http.patch(`/api/cameras/${id}`).set('Authorization', auth()).send(body).expect(200);

      await patch({ credentials: { username: 'ops', password: 'n3w-pass' } });
      await patch({ credentials: null });
      const disabled = await patch({ enabled: false });
      expect(disabled.body.status).toBe('offline');

      const puts = standIn.callsFor(id);
      expect(puts.map((call) => call.method)).toEqual(['PUT', 'PUT', 'PUT', 'PUT']);
      expect(puts.map((call) => (call.body as { revision: number }).revision)).toEqual([1, 2, 3, 4]);
      expect(puts.map((call) => call.storedRevision)).toEqual([1, 2, 3, 4]);
      expect(puts[1].body).toMatchObject({ enabled: true, source: { credentials: { username: 'ops', password: 'n3w-pass' } } });
      expect(puts[2].body).toMatchObject({ enabled: true, source: { credentials: null } });
      expect(puts[3].body).toMatchObject({ enabled: false, revision: 4 });
    });

    it('a deleted camera is DELETEd after the row is gone', async () => {
      const id = (await createCamera().expect(201)).body.id as string;
      await api.http.delete(`/api/cameras/${id}`).set('Authorization', auth()).expect(204);
      const calls = standIn.callsFor(id);
      expect(calls.map((call) => call.method)).toEqual(['PUT', 'DELETE']);
      expect(calls[1]).toMatchObject({ url: `/api/streaming/internal/cameras/${id}`, storedRevision: null, body: null });
      expect(calls[1].headers['x-internal-token']).toBe(api.env.STREAMING_INTERNAL_TOKEN);
    });

    it('a DELETE answered 404 (streaming never knew the camera) is fine and not a warning', async () => {
      const id = (await createCamera().expect(201)).body.id as string;
      standIn.mode = 'not-found';
      await api.http.delete(`/api/cameras/${id}`).set('Authorization', auth()).expect(204);
      expect(warnings().filter((entry) => entry.cameraId === id)).toEqual([]);
    });
  });

  describe('with streaming failing', () => {
    it('an error answer leaves the camera saved and provisioning, with a warning free of credentials', async () => {
      standIn.mode = 'error';
      const created = await createCamera({ credentials: { username: 'viewer', password: 'Warn1ng-S3cret' } }).expect(201);
      const id = created.body.id as string;
      expect(created.body.status).toBe('provisioning');
      expect(standIn.callsFor(id)).toHaveLength(1);
      await api.http.get(`/api/cameras/${id}`).set('Authorization', auth()).expect(200);

      const warning = warnings().find((entry) => entry.cameraId === id);
      expect(warning?.reason).toMatch(/answered 500/);
      expect(api.logs.text()).not.toContain('Warn1ng-S3cret');
    });

    it('a streaming service that does not answer delays the write by STREAMING_TIMEOUT_MS at most', async () => {
      standIn.mode = 'hang';
      const started = Date.now();
      const created = await createCamera().expect(201);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 1500);
      expect(created.body.status).toBe('provisioning');
      expect(standIn.callsFor(created.body.id)).toHaveLength(1);
      expect(warnings().find((entry) => entry.cameraId === created.body.id)?.reason).toMatch(/no answer within 1000 ms/);
    });

    it('with streaming down (closed port) create, update and delete still succeed at once', async () => {
      await standIn.stop();
      try {
        const started = Date.now();
        const created = await createCamera({ credentials: { username: 'viewer', password: 'D0wn-S3cret' } }).expect(201);
        expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
        expect(created.body.status).toBe('provisioning');
        const id = created.body.id as string;
        await api.http.patch(`/api/cameras/${id}`).set('Authorization', auth()).send({ description: 'while streaming is down' }).expect(200);
        await api.http.delete(`/api/cameras/${id}`).set('Authorization', auth()).expect(204);

        const reasons = warnings().filter((entry) => entry.cameraId === id).map((entry) => entry.reason);
      expect(reasons).toHaveLength(3);
        for (const reason of reasons) expect(reason).toMatch(/ECONNREFUSED/);
        expect(api.logs.text()).not.toContain('D0wn-S3cret');
      } finally {
        await standIn.start();
      }
    });
  });
});
