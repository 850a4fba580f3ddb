import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ApiHarness, MEDIA_DIR, startApi } from '../support/api-harness';
import { freePort } from '../support/built-service';
import { fileTestCameraUrl } from '../support/file-test-camera';
import { RtspTestCamera, startRtspTestCamera } from '../support/rtsp-test-camera';
import { eventually, startStreaming, StreamingHarness } from '../support/streaming-harness';

const run = promisify(execFile);
const PASSWORD = 'Correct-Horse-9';
const WRONG_PASSWORD = 'Wrong-Battery-7';

/** What ffprobe sees in a JPEG: its codec and size (it fails on anything that is not a decodable image). */
async function jpegFacts(bytes: Buffer, dir: string): Promise<{ codec_name: string; width: number; height: number }> {
  const file = path.join(dir, `${randomUUID()}.jpg`);
  await writeFile(file, bytes);
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'json', file]);
  return (JSON.parse(stdout) as { streams: { codec_name: string; width: number; height: number }[] }).streams[0];
}

/** Test connection (api -> streaming probe) and snapshots (streaming), against real cameras and ffmpeg. */
describe('camera source tools: test connection and snapshot (e2e)', () => {
  let camera: RtspTestCamera;
  let securedCamera: RtspTestCamera;
  let api: ApiHarness;
  let streaming: StreamingHarness;
  let streamingPort: number;
  let hlsPort: number;
  let admin: string;
  let operator: string;
  let integrator: string;
  let workDir: string;
  let largeClipUrl: string;

  const asAdmin = (method: 'get' | 'post', url: string) => api.http[method](url).set('Authorization', `Bearer ${admin}`);
  const createCamera = async (body: Record<string, unknown>) => {
    const response = await asAdmin('post', '/api/cameras').send({ name: `cam ${randomUUID().slice(0, 8)}`, ...body });
    expect(response.status).toBe(201);
    return response.body as { id: string; streamPath: string };
  };
  const testConnection = (body: object, token = admin) =>
    api.http.post('/api/cameras/test-connection').set('Authorization', `Bearer ${token}`).send(body);
  const snapshot = (cameraId: string, token: string | null = admin) => {
    const call = streaming.http.get(`/api/streaming/cameras/${cameraId}/snapshot`).buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return token ? call.set('Authorization', `Bearer ${token}`) : call;
  };
  const errorOf = (body: Buffer) => (JSON.parse(body.toString()) as { error: { code: string; message: string; details?: unknown } }).error;
  const cameraCount = async () => Number((await api.db.query('SELECT count(*) AS n FROM cameras'))[0].n);
  const outboxCount = async () => Number((await api.db.query('SELECT count(*) AS n FROM outbox_events'))[0].n);

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'vms-source-tools-'));
    const largeClip = path.join(workDir, 'full-hd.mp4');
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=1920x1080:rate=5', '-t', '1',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', largeClip]);
    largeClipUrl = pathToFileURL(largeClip).href;
    camera = await startRtspTestCamera();
    securedCamera = await startRtspTestCamera({ username: 'viewer', password: PASSWORD });
    streamingPort = await freePort();
    hlsPort = await freePort();
    api = await startApi({ STREAMING_URL: `http://127.0.0.1:${streamingPort}`, CAMERA_FILE_ROOTS: `${MEDIA_DIR},${workDir}` });
    streaming = await startStreaming(api.env, api.baseUrl, { port: streamingPort, hlsPort });
    admin = await api.tokenFor('admin');
    operator = await api.tokenFor('operator');
    integrator = await api.tokenFor('integrator');
  });

  afterAll(async () => {
    await streaming?.close();
    await api?.close();
    await camera?.stop();
    await securedCamera?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  describe('POST /api/cameras/test-connection', () => {
    it('reports the codec and size of a reachable RTSP camera, and saves nothing', async () => {
      const [cameras, events] = [await cameraCount(), await outboxCount()];
      const response = await testConnection({ sourceUrl: camera.url }).expect(200);
      expect(response.body).toEqual({ ok: true, video: { codec: 'h264', width: 320, height: 240, ...(response.body.video.fps === undefined ? {} : { fps: expect.any(Number) }) } });
      expect([await cameraCount(), await outboxCount()]).toEqual([cameras, events]);
    });

    it('reports a recording\'s frame rate too', async () => {
      const response = await testConnection({ sourceUrl: fileTestCameraUrl() }).expect(200);
      expect(response.body).toEqual({ ok: true, video: { codec: 'h264', width: 640, height: 360, fps: 29.97 } });
    });

    it('wrong credentials: 200 ok:false "unauthorized"; right credentials, in the body or in the URL: ok; the password appears nowhere', async () => {
      const wrong = await testConnection({ sourceUrl: securedCamera.url, credentials: { username: 'viewer', password: WRONG_PASSWORD } }).expect(200);
      expect(wrong.body).toEqual({ ok: false, reason: 'unauthorized', message: expect.stringMatching(/username or password/) });
      const right = await testConnection({ sourceUrl: securedCamera.url, credentials: { username: 'viewer', password: PASSWORD } }).expect(200);
      expect(right.body).toMatchObject({ ok: true, video: { codec: 'h264' } });
      const inUrl = await testConnection({ sourceUrl: securedCamera.url.replace('rtsp://', `rtsp://viewer:${PASSWORD}@`) }).expect(200);
      expect(inUrl.body.ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const text of [wrong.text, right.text, inUrl.text, api.logs.text(), streaming.logs.text()]) {
        expect(text).not.toContain(PASSWORD);
        expect(text).not.toContain(WRONG_PASSWORD);
      }
    });

    it('a closed port: 200 ok:false "connection refused"', async () => {
      const response = await testConnection({ sourceUrl: `rtsp://127.0.0.1:${await freePort()}/live` }).expect(200);
      expect(response.body).toEqual({ ok: false, reason: 'connection refused', message: expect.any(String) });
    });

    it('validates exactly like camera creation: 400 for a bad body, 422 with the field for a refused source; nothing is created', async () => {
      const [cameras, events] = [await cameraCount(), await outboxCount()];
      const cases: [object, number, string, string][] = [
        [{}, 400, 'VALIDATION.FAILED', 'sourceUrl'],
        [{ sourceUrl: camera.url, name: 'extra' }, 400, 'VALIDATION.FAILED', 'name'],
        [{ sourceUrl: camera.url, credentials: { username: '' , password: 'x' } }, 400, 'VALIDATION.FAILED', 'credentials.username'],
        [{ sourceUrl: 'ftp://127.0.0.1/cam.mp4' }, 422, 'CAMERA.SOURCE_URL_INVALID', 'sourceUrl'],
        [{ sourceUrl: 'not a url' }, 422, 'CAMERA.SOURCE_URL_INVALID', 'sourceUrl'],
        [{ sourceUrl: 'rtsp://169.254.169.254/' }, 422, 'CAMERA.SOURCE_FORBIDDEN', 'sourceUrl'],
        [{ sourceUrl: 'file:///etc/passwd' }, 422, 'CAMERA.SOURCE_FORBIDDEN', 'sourceUrl'],
        [{ sourceUrl: `rtsp://u:p@127.0.0.1:${camera.port}/live`, credentials: { username: 'a', password: 'b' } }, 422, 'CAMERA.CREDENTIALS_CONFLICT', 'credentials'],
      ];
      for (const [body, status, code, field] of cases) {
        const response = await testConnection(body);
        expect({ body, status: response.status, code: response.body.error?.code }).toEqual({ body, status, code });
        expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
      expect([await cameraCount(), await outboxCount()]).toEqual([cameras, events]);
    });

    it('is for admins only: operator and integrator 403, anonymous 401', async () => {
      expect((await testConnection({ sourceUrl: camera.url }, operator).expect(403)).body.error.code).toBe('AUTH.FORBIDDEN');
      expect((await testConnection({ sourceUrl: camera.url }, integrator).expect(403)).body.error.code).toBe('AUTH.FORBIDDEN');
      expect((await api.http.post('/api/cameras/test-connection').send({ sourceUrl: camera.url }).expect(401)).body.error.code).toBe('AUTH.UNAUTHENTICATED');
      expect((await api.http.post(`/api/cameras/${randomUUID()}/test-connection`).set('Authorization', `Bearer ${operator}`).send({}).expect(403)).body.error.code).toBe('AUTH.FORBIDDEN');
    });
  });

  describe('POST /api/cameras/:id/test-connection', () => {
    it('uses the saved URL and the stored credentials; a body overrides them as PATCH would, without saving', async () => {
      const saved = await createCamera({ sourceUrl: securedCamera.url, credentials: { username: 'viewer', password: PASSWORD } });
      const call = (body: object) => asAdmin('post', `/api/cameras/${saved.id}/test-connection`).send(body).expect(200);
      expect((await call({})).body).toMatchObject({ ok: true, video: { codec: 'h264', width: 320, height: 240 } });
      expect((await call({ credentials: { username: 'viewer', password: WRONG_PASSWORD } })).body).toMatchObject({ ok: false, reason: 'unauthorized' });
      expect((await call({ credentials: null })).body).toMatchObject({ ok: false, reason: 'unauthorized' });
      // A new URL keeps the stored credentials (PATCH rules): the open camera ignores them.
      expect((await call({ sourceUrl: camera.url })).body).toMatchObject({ ok: true });
      const after = await asAdmin('get', `/api/cameras/${saved.id}`).expect(200);
      expect(after.body).toMatchObject({ sourceUrl: securedCamera.url, revision: 1, credentials: { username: 'v*****', password: '********' } });
    });

    it('refuses a bad override like PATCH does, and answers 404 for an unknown camera and 400 for a malformed id', async () => {
      const saved = await createCamera({ sourceUrl: camera.url });
      const bad = await asAdmin('post', `/api/cameras/${saved.id}/test-connection`).send({ sourceUrl: 'rtsp://169.254.169.254/' }).expect(422);
      expect(bad.body.error).toMatchObject({ code: 'CAMERA.SOURCE_FORBIDDEN', details: [{ field: 'sourceUrl', message: expect.any(String) }] });
      expect((await asAdmin('post', `/api/cameras/${randomUUID()}/test-connection`).send({}).expect(404)).body.error.code).toBe('CAMERA.NOT_FOUND');
      expect((await asAdmin('post', '/api/cameras/not-a-uuid/test-connection').send({}).expect(400)).body.error.code).toBe('VALIDATION.FAILED');
    });
  });

  describe('GET /api/streaming/cameras/:id/snapshot', () => {
    it('returns a decodable JPEG of the camera, not cached, to admins and operators', async () => {
      const created = await createCamera({ sourceUrl: camera.url });
      for (const token of [admin, operator]) {
        const response = await snapshot(created.id, token);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('image/jpeg');
        expect(response.headers['cache-control']).toBe('no-store');
        const bytes = response.body as Buffer;
        expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
        expect(await jpegFacts(bytes, workDir)).toEqual({ codec_name: 'mjpeg', width: 320, height: 240 });
      }
    });

    it('scales a large source down to 1280 pixels wide', async () => {
      const created = await createCamera({ sourceUrl: largeClipUrl });
      const response = await snapshot(created.id);
      expect(response.status).toBe(200);
      expect(await jpegFacts(response.body as Buffer, workDir)).toEqual({ codec_name: 'mjpeg', width: 1280, height: 720 });
    });

    it('concurrent requests for one camera share one grab', async () => {
      const created = await createCamera({ sourceUrl: camera.url });
      const responses = await Promise.all([0, 1, 2].map(() => snapshot(created.id)));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
      const [first, ...others] = responses.map((response) => response.body as Buffer);
      // The test pattern moves: separate grabs would not give the same bytes.
      for (const other of others) expect(other.equals(first)).toBe(true);
    });

    it('still works while the camera is being watched (taken from the live output)', async () => {
      const created = await createCamera({ sourceUrl: camera.url });
      const { hls } = (await streaming.http.get(`/api/streaming/cameras/${created.id}/urls`).set('Authorization', `Bearer ${admin}`).expect(200)).body as { hls: string };
      await eventually(async () => (await fetch(`${streaming.hlsBaseUrl}${hls.replace(/^\/hls/, '')}`)).status === 200, 30000, 'playlist served');
      await eventually(async () => (await streaming.mediaServer.pathStates()).find((state) => state.name === created.streamPath)?.health === 'online', 15000, 'path online');
      const response = await snapshot(created.id);
      expect(response.status).toBe(200);
      expect(await jpegFacts(response.body as Buffer, workDir)).toEqual({ codec_name: 'mjpeg', width: 320, height: 240 });
    });

    it('unknown camera 404, malformed id 400, anonymous 401, integrator 403, disabled camera 409, each in the error envelope', async () => {
      const unknown = await snapshot(randomUUID());
      expect([unknown.status, errorOf(unknown.body as Buffer).code]).toEqual([404, 'CAMERA.NOT_FOUND']);
      const malformed = await snapshot('not-a-uuid');
      expect([malformed.status, errorOf(malformed.body as Buffer).code]).toEqual([400, 'VALIDATION.FAILED']);
      const created = await createCamera({ sourceUrl: camera.url });
      const anonymous = await snapshot(created.id, null);
      expect([anonymous.status, errorOf(anonymous.body as Buffer).code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
      const forbidden = await snapshot(created.id, integrator);
      expect([forbidden.status, errorOf(forbidden.body as Buffer).code]).toEqual([403, 'AUTH.FORBIDDEN']);
      const disabled = await createCamera({ sourceUrl: camera.url, enabled: false });
      const refused = await snapshot(disabled.id);
      expect([refused.status, errorOf(refused.body as Buffer).code]).toEqual([409, 'STREAM.CAMERA_DISABLED']);
    });

    it('is documented in the streaming service\'s OpenAPI as a JPEG; the internal probe is not', async () => {
      const doc = (await streaming.http.get('/api/streaming/docs/openapi.json').expect(200)).body as {
        paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
      };
      expect(Object.keys(doc.paths['/api/streaming/cameras/{id}/snapshot'])).toEqual(['get']);
      expect(Object.keys(doc.paths['/api/streaming/cameras/{id}/snapshot'].get.responses['200'].content ?? {})).toEqual(['image/jpeg']);
      expect(Object.keys(doc.paths).filter((path) => path.includes('internal'))).toEqual([]);
    });

    it('a failing source is a 503 STREAM.SOURCE_FAILED naming the reason, within the time bound', async () => {
      const refused = await createCamera({ sourceUrl: `rtsp://127.0.0.1:${await freePort()}/live` });
      const response = await snapshot(refused.id);
      expect(response.status).toBe(503);
      expect(errorOf(response.body as Buffer)).toEqual({ code: 'STREAM.SOURCE_FAILED', message: expect.stringMatching(/accepts connections/), details: { reason: 'connection refused' } });

      const wrongCredentials = await createCamera({ sourceUrl: securedCamera.url, credentials: { username: 'viewer', password: WRONG_PASSWORD } });
      const startedAt = Date.now();
      const unauthorized = await snapshot(wrongCredentials.id);
      expect(Date.now() - startedAt).toBeLessThan(12000);
      expect([unauthorized.status, errorOf(unauthorized.body as Buffer).details]).toEqual([503, { reason: 'unauthorized' }]);
      expect((unauthorized.body as Buffer).toString()).not.toContain(WRONG_PASSWORD);
    });
  });

  it('test connection answers 503 STREAMING.UNAVAILABLE while the streaming service is down', async () => {
    await streaming.close();
    try {
      const response = await testConnection({ sourceUrl: camera.url }).expect(503);
      expect(response.body).toEqual({ error: { code: 'STREAMING.UNAVAILABLE', message: expect.any(String) } });
    } finally {
      streaming = await startStreaming(api.env, api.baseUrl, { port: streamingPort, hlsPort });
    }
    expect((await testConnection({ sourceUrl: camera.url }).expect(200)).body.ok).toBe(true);
  });
});
