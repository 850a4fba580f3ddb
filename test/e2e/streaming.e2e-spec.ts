import { randomUUID } from 'node:crypto';
import { ApiHarness, startApi } from '../support/api-harness';
import { freePort } from '../support/built-service';
import { decodesFrames } from '../support/decode-check';
import { fileTestCameraUrl } from '../support/file-test-camera';
import { RtspTestCamera, startRtspTestCamera } from '../support/rtsp-test-camera';
import { eventually, startStreaming, StreamingHarness } from '../support/streaming-harness';

/** api + streaming (embedded ffmpeg engine) + a real RTSP camera: the whole camera-to-playlist flow. */
describe('streaming: cameras become playable streams (e2e)', () => {
  let camera: RtspTestCamera;
  let securedCamera: RtspTestCamera;
  let api: ApiHarness;
  let streaming: StreamingHarness;
  let admin: string;
  let streamingPort: number;
  let hlsPort: number;

  const createCamera = async (body: Record<string, unknown>) => {
    const response = await api.http.post('/api/cameras').set('Authorization', `Bearer ${admin}`).send({ name: `cam ${randomUUID().slice(0, 8)}`, ...body });
    expect(response.status).toBe(201);
    return response.body as { id: string; streamPath: string; status: string };
  };
  const signedUrls = async (cameraId: string) =>
    (await streaming.http.get(`/api/streaming/cameras/${cameraId}/urls`).set('Authorization', `Bearer ${admin}`).expect(200)).body as { hls: string; token: string };
  const cameraStatus = async (cameraId: string) =>
    (await api.http.get(`/api/cameras/${cameraId}`).set('Authorization', `Bearer ${admin}`).expect(200)).body as { status: string; lastError: string | null };

  beforeAll(async () => {
    camera = await startRtspTestCamera();
    securedCamera = await startRtspTestCamera({ username: 'viewer', password: 'Correct-Horse-9' });
    streamingPort = await freePort();
    hlsPort = await freePort();
    api = await startApi({ STREAMING_URL: `http://127.0.0.1:${streamingPort}` });
    streaming = await startStreaming(api.env, api.baseUrl, { port: streamingPort, hlsPort });
    admin = await api.login();
  });

  afterAll(async () => {
    await streaming?.close();
    await api?.close();
    await camera?.stop();
    await securedCamera?.stop();
  });

  it('an RTSP camera is playable within seconds: the playlist is served and its segments decode; deleting it removes the path and ends the process', async () => {
    const created = await createCamera({ sourceUrl: camera.url });
    expect(await streaming.mediaServer.listPaths()).toContain(created.streamPath);
    const { hls } = await signedUrls(created.id);
    expect(hls).toMatch(new RegExp(`^/hls/${created.streamPath}/index\\.m3u8\\?token=`));
    const playlistUrl = `${streaming.hlsBaseUrl}${hls.replace(/^\/hls/, '')}`;
    const playlist = await eventually(async () => {
      const response = await fetch(playlistUrl);
      return response.status === 200 ? response.text() : null;
    }, 30000, 'playlist served');
    expect(playlist).toContain('#EXTM3U');
    expect(await decodesFrames(playlistUrl)).toBeGreaterThan(0);
    await eventually(async () => (await cameraStatus(created.id)).status === 'online', 30000, 'camera online');

    await api.http.delete(`/api/cameras/${created.id}`).set('Authorization', `Bearer ${admin}`).expect(204);
    await eventually(async () => !(await streaming.mediaServer.listPaths()).includes(created.streamPath), 10000, 'path removed');
    expect((await fetch(playlistUrl)).status).toBe(404);
    expect((await streaming.mediaServer.pathStates()).find((state) => state.name === created.streamPath)).toBeUndefined();
  });

  it('a camera nobody watches yet becomes online once its source is reached', async () => {
    const created = await createCamera({ sourceUrl: camera.url });
    expect(created.status).toBe('provisioning');
    await eventually(async () => (await cameraStatus(created.id)).status === 'online', 30000, 'probed camera online');
  });

  it('replays a recording (file://) as a live camera', async () => {
    const created = await createCamera({ sourceUrl: fileTestCameraUrl() });
    const { hls } = await signedUrls(created.id);
    const playlistUrl = `${streaming.hlsBaseUrl}${hls.replace(/^\/hls/, '')}`;
    await eventually(async () => (await fetch(playlistUrl)).status === 200, 30000, 'file playlist served');
    expect(await decodesFrames(playlistUrl)).toBeGreaterThan(0);
  });

  it('refuses playback without a token, with another camera\'s token, and with an expired or forged token', async () => {
    const first = await createCamera({ sourceUrl: camera.url });
    const second = await createCamera({ sourceUrl: camera.url });
    const { token } = await signedUrls(first.id);
    const base = `${streaming.hlsBaseUrl}/${first.streamPath}/index.m3u8`;
    expect((await fetch(base)).status).toBe(401);
    const otherToken = (await signedUrls(second.id)).token;
    expect((await fetch(`${base}?token=${otherToken}`)).status).toBe(403);
    expect((await fetch(`${base}?token=${token.slice(0, -3)}abc`)).status).toBe(403);
    expect((await fetch(`${base}?token=${admin}`)).status).toBe(403);
    await eventually(async () => (await fetch(`${base}?token=${token}`)).status === 200, 30000, 'valid token plays');
    const viaHeader = await fetch(base, { headers: { Authorization: `Bearer ${token}` } });
    expect(viaHeader.status).toBe(200);
    const anonymous = await streaming.http.get(`/api/streaming/cameras/${first.id}/urls`);
    expect(anonymous.status).toBe(401);
  });

  it('a source with wrong credentials, a closed port, or no video ends in status error with a clear reason; others are unaffected', async () => {
    const closedPort = await freePort();
    const wrongCredentials = await createCamera({ sourceUrl: securedCamera.url, credentials: { username: 'viewer', password: 'wrong-password' } });
    const rightCredentials = await createCamera({ sourceUrl: securedCamera.url, credentials: { username: 'viewer', password: 'Correct-Horse-9' } });
    const refused = await createCamera({ sourceUrl: `rtsp://127.0.0.1:${closedPort}/live` });
    const notVideo = await createCamera({ sourceUrl: `http://127.0.0.1:${streamingPort}/health.m3u8` });

    const reasonOf = async (id: string) =>
      eventually(async () => {
        const status = await cameraStatus(id);
        return status.status === 'error' ? status.lastError : null;
      }, 60000, `camera ${id} in error`);
    expect(await reasonOf(wrongCredentials.id)).toMatch(/unauthori[sz]ed/i);
    expect(await reasonOf(refused.id)).toMatch(/connection refused/i);
    expect(await reasonOf(notVideo.id)).toMatch(/not found|not a video|invalid|no video/i);

    const { hls } = await signedUrls(rightCredentials.id);
    const playlistUrl = `${streaming.hlsBaseUrl}${hls.replace(/^\/hls/, '')}`;
    await eventually(async () => (await fetch(playlistUrl)).status === 200, 30000, 'authenticated camera plays');
    expect(streaming.logs.text()).not.toContain('Correct-Horse-9');
    expect(api.logs.text()).not.toContain('Correct-Horse-9');
    expect(streaming.app.getHttpServer().listening).toBe(true);
  });

  it('provisioning the same camera twice or concurrently leaves one path', async () => {
    const created = await createCamera({ sourceUrl: camera.url });
    const body = { cameraId: created.id, streamPath: created.streamPath, enabled: true, revision: 1, source: { url: camera.url, credentials: null } };
    const responses = await Promise.all(
      [0, 1, 2, 3].map(() =>
        streaming.http.put(`/api/streaming/internal/cameras/${created.id}`).set('X-Internal-Token', api.env.STREAMING_INTERNAL_TOKEN).send(body),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect((await streaming.mediaServer.listPaths()).filter((name) => name === created.streamPath)).toHaveLength(1);
    const refused = await streaming.http.put(`/api/streaming/internal/cameras/${created.id}`).set('X-Internal-Token', 'wrong-token-wrong-token').send(body);
    expect(refused.status).toBe(401);
  });

  it('after the streaming service restarts, the reconciler restores every enabled camera\'s path and removes none it should keep', async () => {
    const kept = await createCamera({ sourceUrl: camera.url });
    const disabled = await createCamera({ sourceUrl: camera.url, enabled: false });
    await streaming.close();
    streaming = await startStreaming(api.env, api.baseUrl, { port: streamingPort, hlsPort });
    const paths = await eventually(async () => {
      const listed = await streaming.mediaServer.listPaths();
      return listed.includes(kept.streamPath) ? listed : null;
    }, 20000, 'paths restored');
    expect(paths).not.toContain(disabled.streamPath);
    const { hls } = await signedUrls(kept.id);
    await eventually(async () => (await fetch(`${streaming.hlsBaseUrl}${hls.replace(/^\/hls/, '')}`)).status === 200, 30000, 'restored camera plays');
  });
});
