import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { decodesFrames } from '../support/decode-check';
import { EDGE, listeningPorts, LocalStack, ROOT, sleep, startLocalStack, within } from '../support/local-stack';
import { RtspTestCamera, startRtspTestCamera } from '../support/rtsp-test-camera';

/**
 * `npm run up` for real (test/support/local-stack.ts): everything exercised through HAProxy as a
 * browser would (docs/deployment.md, "Local stack").
 */

const STATS = 'http://localhost:8404/stats';

describe('local stack (scripts/up.mjs) through HAProxy', () => {
  let stack: LocalStack | null = null;
  let camera: RtspTestCamera | null = null;
  let secrets: Record<string, string> = {};
  let token = '';
  let cameraId: string | null = null;
  let hlsPath = '';
  let mediaFile: string | null = null;
  let work: string;

  const api = (pathname: string, init: RequestInit = {}) =>
    fetch(`${EDGE}${pathname}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

  /**
   * The per-principal quota lives in Redis for a minute: a run right after another one (which
   * used it up on purpose) waits for the window instead of failing on a 429.
   */
  const apiOutsideQuota = async (pathname: string, init: RequestInit = {}) => {
    const deadline = Date.now() + 75_000;
    for (;;) {
      const response = await api(pathname, init);
      if (response.status !== 429 || Date.now() > deadline) return response;
      await response.arrayBuffer();
      await sleep(Math.min(Number(response.headers.get('retry-after')) || 5, 10) * 1000);
    }
  };

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'vms-local-stack-'));
    stack = await startLocalStack();
    secrets = stack.secrets;
    camera = await startRtspTestCamera();
  }, 240_000);

  afterAll(async () => {
    if (cameraId && token) await apiOutsideQuota(`/api/cameras/${cameraId}`, { method: 'DELETE' }).catch(() => undefined);
    await camera?.stop();
    if (mediaFile && existsSync(mediaFile)) unlinkSync(mediaFile);
    await stack?.dispose();
    if (work) rmSync(work, { recursive: true, force: true });
  }, 150_000);

  it('serves the app at /', async () => {
    const response = await fetch(`${EDGE}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/<script[^>]*src=/);
  });

  it('answers /api/health', async () => {
    const response = await fetch(`${EDGE}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('logs in with the admin credentials of var/local.env', async () => {
    expect(secrets.ADMIN_EMAIL && secrets.ADMIN_PASSWORD).toBeTruthy();
    const response = await fetch(`${EDGE}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: secrets.ADMIN_EMAIL, password: secrets.ADMIN_PASSWORD }),
    });
    expect(response.status).toBe(200);
    token = ((await response.json()) as { accessToken: string }).accessToken;
    expect(token).toBeTruthy();
  });

  it('creates a camera on a real RTSP source and plays it through /hls', async () => {
    expect(token).toBeTruthy();
    const created = await apiOutsideQuota('/api/cameras', { method: 'POST', body: JSON.stringify({ name: `local stack ${randomBytes(4).toString('hex')}`, sourceUrl: camera!.url }) });
    expect(created.status).toBe(201);
    cameraId = ((await created.json()) as { id: string }).id;

    const urls = await apiOutsideQuota(`/api/streaming/cameras/${cameraId}/urls`);
    expect(urls.status).toBe(200);
    hlsPath = ((await urls.json()) as { hls: string }).hls;
    expect(hlsPath).toMatch(/^\/hls\/cam_[^/]+\/index\.m3u8\?token=/);

    // The engine starts the path on the first read; a live playlist needs a segment or two.
    const playlistUrl = `${EDGE}${hlsPath}`;
    let playlist = '';
    const deadline = Date.now() + 60_000;
    for (;;) {
      const response = await fetch(playlistUrl, { signal: AbortSignal.timeout(35_000) }).catch(() => null);
      if (response?.status === 200) {
        playlist = await response.text();
        if (playlist.split('\n').some((line) => line.trim() !== '' && !line.startsWith('#'))) break;
      }
      if (Date.now() > deadline) throw new Error(`no playable playlist at ${hlsPath}: last status ${response?.status}, body ${playlist}`);
      await sleep(1000);
    }
    expect(playlist).toMatch(/^#EXTM3U/);

    const uris = playlist.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
    const download = async (uri: string) => {
      const response = await fetch(new URL(uri, playlistUrl));
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    };
    const parts: Buffer[] = [];
    const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(playlist);
    if (init) parts.push(await download(init[1])); // fMP4: the init section goes first
    parts.push(await download(uris[uris.length - 1]));
    const segment = path.join(work, init ? 'segment.mp4' : 'segment.ts');
    writeFileSync(segment, Buffer.concat(parts));
    expect(await decodesFrames(segment, 5, 20_000)).toBeGreaterThanOrEqual(1);
  }, 200_000);

  it('upgrades /ws to an authenticated WebSocket through HAProxy', async () => {
    const socket = new WebSocket(`ws://localhost:8080/ws?access_token=${encodeURIComponent(token)}`);
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('message', (raw) => resolve(raw.toString()));
      socket.once('error', reject);
    });
    expect(JSON.parse(first)).toEqual({ type: 'ready' });
    socket.close();
    const refused = new WebSocket('ws://localhost:8080/ws');
    const closed = await new Promise<number>((resolve) => refused.once('close', (code) => resolve(code)));
    expect(closed).toBe(4401);
  });

  it('serves a file from var/media at /media/', async () => {
    const name = `local-stack-${randomBytes(8).toString('hex')}.txt`;
    const content = `snapshot ${randomBytes(8).toString('hex')}\n`;
    mediaFile = path.join(ROOT, 'var', 'media', name);
    writeFileSync(mediaFile, content);
    const response = await fetch(`${EDGE}/media/${name}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(content);
  });

  it('negotiates HTTP/2 over TLS on :8443', () => {
    const result = spawnSync('curl', ['--http2', '-k', '-s', '-o', '/dev/null', '-w', '%{http_version}', 'https://localhost:8443/'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.stdout).toBe('2');
  });

  it('never rate-limits /hls: 200 rapid requests, no 429', async () => {
    expect(hlsPath).toBeTruthy();
    const statuses: number[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${EDGE}${hlsPath}`).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      })));
      statuses.push(...answers);
    }
    expect(statuses).toHaveLength(200);
    expect(statuses.filter((status) => status === 429)).toHaveLength(0);
    expect(statuses.every((status) => status === 200)).toBe(true);
  }, 60_000);

  it('deletes the camera', async () => {
    expect(cameraId).toBeTruthy();
    const response = await apiOutsideQuota(`/api/cameras/${cameraId}`, { method: 'DELETE' });
    expect([200, 204]).toContain(response.status);
    cameraId = null;
  }, 90_000);

  it('rate-limits /api/cameras per principal: 130 rapid requests with one token get 429s (100/min)', async () => {
    const statuses: number[] = [];
    for (let batch = 0; batch < 13; batch++) {
      statuses.push(...(await Promise.all(Array.from({ length: 10 }, () => api('/api/cameras').then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      })))));
    }
    const limited = statuses.filter((status) => status === 429).length;
    expect(limited).toBeGreaterThan(0);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    // The first requests of the window pass: it is a quota, not a blanket refusal.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);
  }, 60_000);

  it('puts the stats page behind basic auth', async () => {
    expect((await fetch(STATS)).status).toBe(401);
    const basic = Buffer.from(`${secrets.HAPROXY_STATS_USER}:${secrets.HAPROXY_STATS_PASSWORD}`).toString('base64');
    const response = await fetch(STATS, { headers: { authorization: `Basic ${basic}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/be_api/);
  });

  it('stops on SIGINT with exit code 0 and frees every port', async () => {
    process.kill(stack!.pid, 'SIGINT');
    const exit = await within(stack!.exited, 30_000);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await listeningPorts()).toEqual([]);
  }, 45_000);
});
