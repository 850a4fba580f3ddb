import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { EmbeddedMediaServer } from '../../apps/streaming/src/media-server/infrastructure/embedded/embedded-media-server';
import { EmbeddedEngineOptions } from '../../apps/streaming/src/media-server/infrastructure/embedded/embedded-engine.options';
import { PathSource, PathState, StreamAccessPolicy } from '../../apps/streaming/src/media-server/media-server.port';
import { decodesFrames } from '../support/decode-check';
import { fileTestCameraUrl } from '../support/file-test-camera';
import { RtspTestCamera, startRtspTestCamera } from '../support/rtsp-test-camera';

const run = promisify(execFile);

/** Accepts `good-<path>` for that path only. */
class TestAccessPolicy extends StreamAccessPolicy {
  canRead(pathName: string, token: string | null): boolean {
    return token === `good-${pathName}`;
  }
}

class CollectingLogger {
  readonly lines: string[] = [];
  log(message: string): void { this.lines.push(message); }
  warn(message: string): void { this.lines.push(message); }
}

const USERNAME = 'cam-operator';
const PASSWORD = 'S3cret:p@ss/w%rd';
const CREDENTIAL_TEXTS = [USERNAME, PASSWORD, encodeURIComponent(PASSWORD), encodeURIComponent(USERNAME)];

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 45000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every ffmpeg on this machine whose command line writes into `directory` (the truth about "one process per path"). */
async function ffmpegWritingTo(directory: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const args = cmdline.split('\0');
    if (path.basename(args[0] ?? '') === 'ffmpeg' && args.includes(path.join(directory, 'index.m3u8'))) pids.push(Number(entry));
  }
  return pids;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A raw GET that keeps `..` and encoded characters exactly as written (fetch would normalise them). */
function rawGet(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('embedded media engine (medium)', () => {
  const logger = new CollectingLogger();
  const errorBodies: string[] = [];
  const seenStates: PathState[] = [];
  let workDir: string;
  let hlsRoot: string;
  let engine: EmbeddedMediaServer;
  let camera: RtspTestCamera;
  let securedCamera: RtspTestCamera;
  let htmlServer: http.Server;
  let silentServer: net.Server;
  const silentSockets = new Set<net.Socket>();
  const extraEngines: EmbeddedMediaServer[] = [];

  const newEngine = async (options: Partial<EmbeddedEngineOptions> = {}) => {
    const created = new EmbeddedMediaServer({
      hlsRoot, ffmpegPath: 'ffmpeg', httpPort: 0, httpHost: '127.0.0.1', idleTimeoutSeconds: 300, startTimeoutMs: 30000, logger, ...options,
    }, new TestAccessPolicy());
    extraEngines.push(created);
    await created.start();
    return created;
  };
  const base = () => `http://127.0.0.1:${engine.port}`;
  const playlistUrl = (name: string, token = `good-${name}`) => `${base()}/${name}/index.m3u8?token=${encodeURIComponent(token)}`;
  const source = (url: string, credentials: PathSource['credentials'] = null): PathSource => ({ url, credentials });
  const stateOf = async (name: string, target = engine) => {
    const state = (await target.pathStates()).find((candidate) => candidate.name === name);
    if (state) seenStates.push(state);
    return state;
  };
  const fetchPlaylist = async (name: string) => {
    const response = await fetch(playlistUrl(name));
    const body = await response.text();
    if (response.status !== 200) errorBodies.push(body);
    return { response, body };
  };

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'vms-embedded-'));
    hlsRoot = path.join(workDir, 'hls');
    [camera, securedCamera] = await Promise.all([startRtspTestCamera(), startRtspTestCamera({ username: USERNAME, password: PASSWORD })]);
    htmlServer = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><html><body><h1>Camera admin</h1></body></html>');
    });
    await new Promise<void>((resolve) => htmlServer.listen(0, '127.0.0.1', resolve));
    silentServer = net.createServer((socket) => { silentSockets.add(socket); socket.on('error', () => undefined); });
    await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
    engine = await newEngine();
  }, 60000);

  afterAll(async () => {
    await Promise.all(extraEngines.map((created) => created.close()));
    await Promise.all([camera?.stop(), securedCamera?.stop()]);
    for (const socket of silentSockets) socket.destroy();
    await Promise.all([htmlServer, silentServer].filter(Boolean).map((server) => new Promise((resolve) => server.close(resolve))));
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }, 60000);

  it('starts an RTSP camera on its first playlist request, serves the playlist within seconds, and its segments decode', async () => {
    await engine.upsertPath({ name: 'cam_rtsp', source: source(camera.url) });
    expect(await engine.listPaths()).toContain('cam_rtsp');
    expect(engine.processInfo('cam_rtsp')).toBeNull();
    await waitFor('the first probe to find the camera', async () => (await stateOf('cam_rtsp'))?.health === 'idle' && engine.processInfo('cam_rtsp') === null);

    const startedAt = Date.now();
    const { response, body } = await fetchPlaylist('cam_rtsp');
    expect(response.status).toBe(200);
    expect(Date.now() - startedAt).toBeLessThan(25000);
    expect(response.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(body).toMatch(/^#EXTM3U/);
    expect(engine.processInfo('cam_rtsp')).toMatchObject({ mode: 'remux' });
    expect(engine.runningPaths()).toContain('cam_rtsp');

    expect(await decodesFrames(playlistUrl('cam_rtsp'), 10)).toBeGreaterThan(0);
    const online = await waitFor('online', async () => {
      const state = await stateOf('cam_rtsp');
      return state?.health === 'online' ? state : null;
    });
    expect(online).toMatchObject({ reason: null });
    expect(online.readers).toBeGreaterThanOrEqual(1);
    expect(online.bytesReceived).toBeGreaterThan(0);
  }, 90000);

  it('loops a file camera as a live stream, remuxing the H.264 clip without re-encoding', async () => {
    await engine.upsertPath({ name: 'cam_file', source: source(fileTestCameraUrl()) });
    const { response, body } = await fetchPlaylist('cam_file');
    expect(response.status).toBe(200);

    const info = engine.processInfo('cam_file')!;
    expect(info.mode).toBe('remux');
    const cmdline = (await readFile(`/proc/${info.pid}/cmdline`, 'utf8')).split('\0');
    expect(cmdline).toEqual(expect.arrayContaining(['-stream_loop', '-1', '-c:v', 'copy']));
    expect(cmdline).not.toContain('libx264');

    const segment = body.split('\n').find((line) => line.endsWith('.ts?token=good-cam_file'))!;
    const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', `${base()}/cam_file/${segment}`]);
    expect(stdout.trim().split('\n')[0]).toBe('h264,640,360');
    expect(await decodesFrames(playlistUrl('cam_file'), 10)).toBeGreaterThan(0);
  }, 90000);

  it('transcodes a source that is not H.264', async () => {
    const mpeg4 = path.join(workDir, 'mpeg4-camera.avi');
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10', '-t', '4', '-c:v', 'mpeg4', '-g', '10', mpeg4]);
    await engine.upsertPath({ name: 'cam_mpeg4', source: source(pathToFileURL(mpeg4).href) });
    const { response, body } = await fetchPlaylist('cam_mpeg4');
    expect(response.status).toBe(200);
    expect(engine.processInfo('cam_mpeg4')).toMatchObject({ mode: 'transcode' });
    const segment = body.split('\n').find((line) => line.includes('.ts?token='))!;
    const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', `${base()}/cam_mpeg4/${segment}`]);
    expect(stdout.trim().split('\n')[0]).toBe('h264');
    await engine.deletePath('cam_mpeg4');
  }, 90000);

  it('pulls an http HLS source (another path of the engine) and serves it again', async () => {
    await engine.upsertPath({ name: 'cam_relay', source: source(playlistUrl('cam_rtsp')) });
    const { response } = await fetchPlaylist('cam_relay');
    expect(response.status).toBe(200);
    expect(engine.processInfo('cam_relay')).toMatchObject({ mode: 'remux' });
    expect(await decodesFrames(playlistUrl('cam_relay'), 5)).toBeGreaterThan(0);
    await engine.deletePath('cam_relay');
  }, 90000);

  it('reads a camera behind RTSP basic auth with credentials that need percent-encoding', async () => {
    await engine.upsertPath({ name: 'cam_secured', source: source(securedCamera.url, { username: USERNAME, password: PASSWORD }) });
    const { response } = await fetchPlaylist('cam_secured');
    expect(response.status).toBe(200);
    expect(await decodesFrames(playlistUrl('cam_secured'), 5)).toBeGreaterThan(0);
    expect(await waitFor('online', async () => (await stateOf('cam_secured'))?.health === 'online')).toBe(true);
    await engine.deletePath('cam_secured');
  }, 90000);

  it('checks stream tokens: 401 without, 403 wrong or for another path, 200 with segment URIs carrying the token', async () => {
    const url = `${base()}/cam_rtsp/index.m3u8`;
    const missing = await fetch(url);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { code: 'STREAM.TOKEN_MISSING', message: expect.any(String) } });

    for (const token of ['wrong', 'good-cam_file', '']) {
      const refused = await fetch(`${url}?token=${token}`, token === '' ? { headers: { Authorization: 'Bearer good-cam_file' } } : {});
      expect(refused.status).toBe(403);
      expect(await errorCode(refused)).toBe('STREAM.TOKEN_INVALID');
    }

    const { response, body } = await fetchPlaylist('cam_rtsp');
    expect(response.status).toBe(200);
    const uris = body.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(uri).toMatch(/^[A-Za-z0-9_-]+\.ts\?token=good-cam_rtsp$/);

    const viaHeader = await fetch(url, { headers: { Authorization: 'Bearer good-cam_rtsp' } });
    expect(viaHeader.status).toBe(200);
    expect(await viaHeader.text()).toContain('?token=good-cam_rtsp');
    const head = await fetch(playlistUrl('cam_rtsp'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);

    const segmentName = uris[uris.length - 1].split('?')[0];
    expect((await fetch(`${base()}/cam_rtsp/${segmentName}`)).status).toBe(401);
    expect((await fetch(`${base()}/cam_rtsp/${segmentName}?token=good-cam_file`)).status).toBe(403);
    const segment = await fetch(`${base()}/cam_rtsp/${uris[uris.length - 1]}`);
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const unknown = await fetch(playlistUrl('cam_unknown'));
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('STREAM.NOT_FOUND');
    expect((await fetch(playlistUrl('cam_rtsp'), { method: 'POST' })).status).toBe(405);
  }, 90000);

  it('refuses path traversal and odd names', async () => {
    const attempts = [
      '/../../etc/passwd', '/cam_rtsp/../../../etc/passwd', '/cam_rtsp/..%2F..%2F..%2Fetc%2Fpasswd', '/%2e%2e/index.m3u8',
      '/cam_rtsp/.index.m3u8', '/cam_rtsp/index.m3u8/..', '/cam_rtsp//index.m3u8', '/cam%20rtsp/index.m3u8',
      '/cam_rtsp/%2e%2e%2f%2e%2e%2fetc%2fpasswd?token=good-cam_rtsp', '/..%2f..%2fetc/passwd?token=good-..%2f..%2fetc',
    ];
    for (const attempt of attempts) {
      const { status, body } = await rawGet(engine.port, attempt);
      expect({ attempt, refused: status === 400 || status === 404 }).toEqual({ attempt, refused: true });
      expect(body).not.toContain('root:');
      expect(JSON.parse(body).error.code).toMatch(/^STREAM\./);
    }
    await expect(engine.upsertPath({ name: '../escape', source: source(camera.url) })).rejects.toThrow(/invalid path name/);
    await expect(engine.upsertPath({ name: 'cam_scheme', source: source('ftp://127.0.0.1/x') })).rejects.toThrow(/unsupported source scheme/);
    expect(await engine.listPaths()).not.toContain('../escape');
  });

  it('starts one process for concurrent upserts and first requests of the same path', async () => {
    const spec = { name: 'cam_race', source: source(camera.url) };
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => engine.upsertPath(spec).then(() => 'upserted')),
      ...Array.from({ length: 6 }, async () => {
        await engine.upsertPath(spec);
        return (await fetchPlaylist('cam_race')).response.status;
      }),
    ]);
    expect(results.filter((result) => result !== 'upserted')).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await engine.listPaths()).filter((name) => name === 'cam_race')).toHaveLength(1);
    expect(await ffmpegWritingTo(path.join(hlsRoot, 'cam_race'))).toEqual([engine.processInfo('cam_race')!.pid]);

    await engine.upsertPath(spec);
    expect(await ffmpegWritingTo(path.join(hlsRoot, 'cam_race'))).toEqual([engine.processInfo('cam_race')!.pid]);
  }, 90000);

  it('restarts a path whose source changes', async () => {
    const before = engine.processInfo('cam_race')!.pid;
    await engine.upsertPath({ name: 'cam_race', source: source(fileTestCameraUrl()) });
    expect(pidAlive(before)).toBe(false);
    const { response } = await fetchPlaylist('cam_race');
    expect(response.status).toBe(200);
    const after = engine.processInfo('cam_race')!;
    expect(after.pid).not.toBe(before);
    expect((await readFile(`/proc/${after.pid}/cmdline`, 'utf8'))).toContain('street_traffic_640x360.mp4');
    expect(await ffmpegWritingTo(path.join(hlsRoot, 'cam_race'))).toEqual([after.pid]);
  }, 90000);

  it('deletes a path: its process ends and its directory is gone', async () => {
    const directory = path.join(hlsRoot, 'cam_race');
    const { pid } = engine.processInfo('cam_race')!;
    expect(existsSync(path.join(directory, 'index.m3u8'))).toBe(true);

    await engine.deletePath('cam_race');
    expect(existsSync(directory)).toBe(false);
    expect(pidAlive(pid)).toBe(false);
    expect(await engine.listPaths()).not.toContain('cam_race');
    expect((await fetch(playlistUrl('cam_race'))).status).toBe(404);
    await expect(engine.deletePath('cam_race')).resolves.toBeUndefined();
  }, 30000);

  it('brings a killed ffmpeg back by itself and serves the playlist again', async () => {
    const { pid } = engine.processInfo('cam_rtsp') ?? (await fetchPlaylist('cam_rtsp'), engine.processInfo('cam_rtsp')!);
    process.kill(pid, 'SIGKILL');
    const restarted = await waitFor('a new ffmpeg', async () => {
      const info = engine.processInfo('cam_rtsp');
      return info && info.pid !== pid ? info : null;
    }, 30000);
    expect(pidAlive(pid)).toBe(false);
    expect(logger.lines.some((line) => line.includes('cam_rtsp: ffmpeg exited (ffmpeg was killed (SIGKILL))'))).toBe(true);

    const { response, body } = await fetchPlaylist('cam_rtsp');
    expect(response.status).toBe(200);
    expect(body).toContain('?token=good-cam_rtsp');
    expect(engine.processInfo('cam_rtsp')!.pid).toBe(restarted.pid);
    await waitFor('online again', async () => (await stateOf('cam_rtsp'))?.health === 'online');
  }, 90000);

  it('notices a camera that goes away: the stream ends and the path stops being online', async () => {
    const vanishing = await startRtspTestCamera();
    try {
      await engine.upsertPath({ name: 'cam_vanishing', source: source(vanishing.url) });
      expect((await fetchPlaylist('cam_vanishing')).response.status).toBe(200);
      const { pid } = engine.processInfo('cam_vanishing')!;
      await vanishing.stop();

      await waitFor('ffmpeg to end', async () => !pidAlive(pid), 30000);
      expect(logger.lines.some((line) => line.startsWith('cam_vanishing: ffmpeg exited (stream ended)'))).toBe(true);
      const state = await waitFor('the path to report the camera gone', async () => {
        const current = await stateOf('cam_vanishing');
        return current && current.health !== 'online' && current.health !== 'starting' ? current : null;
      }, 30000);
      expect([['offline', 'stream ended'], ['error', 'connection refused']]).toContainEqual([state.health, state.reason]);
      await waitFor('the restart to fail on the closed port', async () => (await stateOf('cam_vanishing'))?.reason === 'connection refused', 30000);
    } finally {
      await vanishing.stop();
      await engine.deletePath('cam_vanishing');
    }
  }, 90000);

  it('stops a path nobody reads for the idle timeout, while keepAlive holds it', async () => {
    const idleEngine = await newEngine({ idleTimeoutSeconds: 2 });
    await idleEngine.upsertPath({ name: 'cam_idle', source: source(camera.url) });
    await idleEngine.ensureRunning('cam_idle');
    const { pid } = idleEngine.processInfo('cam_idle')!;

    const heldUntil = Date.now() + 5000;
    while (Date.now() < heldUntil) {
      idleEngine.keepAlive('cam_idle');
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(idleEngine.processInfo('cam_idle')?.pid).toBe(pid);

    await waitFor('the idle stop', async () => idleEngine.processInfo('cam_idle') === null, 20000);
    await waitFor('the process to be gone', async () => !pidAlive(pid), 10000);
    expect(idleEngine.runningPaths()).toEqual([]);
    expect(await stateOf('cam_idle', idleEngine)).toMatchObject({ health: 'idle', reason: null });
    expect(existsSync(path.join(hlsRoot, 'cam_idle'))).toBe(false);
    await idleEngine.close();
  }, 90000);

  describe('reports why a source fails, with probes and on reads', () => {
    let textFile: string;

    beforeAll(async () => {
      textFile = path.join(workDir, 'notes.txt');
      await writeFile(textFile, 'this is a text file, not a camera\n');
    });

    const failing = () => [
      { name: 'fail_wrong_password', source: source(securedCamera.url, { username: USERNAME, password: `${PASSWORD}-wrong` }), reason: 'unauthorized' },
      { name: 'fail_no_credentials', source: source(securedCamera.url), reason: 'unauthorized' },
      { name: 'fail_rtsp_path', source: source(camera.url.replace('/live', '/nope')), reason: 'not found' },
      { name: 'fail_missing_file', source: source(pathToFileURL(path.join(workDir, 'missing.mp4')).href), reason: 'not found' },
      { name: 'fail_html', source: source(`http://127.0.0.1:${(htmlServer.address() as net.AddressInfo).port}/x.m3u8`), reason: 'not a video stream' },
      { name: 'fail_text_file', source: source(pathToFileURL(textFile).href), reason: 'not a video stream' },
      { name: 'fail_silent', source: source(`rtsp://127.0.0.1:${(silentServer.address() as net.AddressInfo).port}/live`), reason: 'timeout' },
    ];

    it('marks each failing source `error` with a clear reason as soon as it is upserted', async () => {
      const closedPort = await freePort();
      const cases = [...failing(), { name: 'fail_closed_port', source: source(`rtsp://127.0.0.1:${closedPort}/live`), reason: 'connection refused' }];
      for (const { name, source: pathSource } of cases) await engine.upsertPath({ name, source: pathSource });
      for (const { name, reason } of cases) {
        const state = await waitFor(`${name} to fail`, async () => {
          const current = await stateOf(name);
          return current?.health === 'error' ? current : null;
        }, 60000);
        expect({ name, reason: state.reason }).toEqual({ name, reason });
        expect(engine.processInfo(name)).toBeNull();
      }
      expect(await engine.probePath('fail_closed_port')).toMatchObject({ health: 'error', reason: 'connection refused' });
    }, 120000);

    it('answers 502 with the reason when a reader asks for a failing source', async () => {
      for (const name of ['fail_wrong_password', 'fail_closed_port', 'fail_html']) {
        const { response, body } = await fetchPlaylist(name);
        expect(response.status).toBe(502);
        const { error } = JSON.parse(body);
        expect(error.code).toBe('STREAM.SOURCE_FAILED');
        expect(error.details.reason).toBe((await stateOf(name))!.reason);
        expect(error.message).toContain(error.details.reason);
      }
    }, 90000);

    it('turns an error back into a healthy state when the source is fixed', async () => {
      await engine.upsertPath({ name: 'fail_wrong_password', source: source(securedCamera.url, { username: USERNAME, password: PASSWORD }) });
      expect((await fetchPlaylist('fail_wrong_password')).response.status).toBe(200);
      await waitFor('online', async () => (await stateOf('fail_wrong_password'))?.health === 'online');
      await engine.deletePath('fail_wrong_password');
    }, 90000);
  });

  it('never shows credentials in states, error bodies or logs', async () => {
    seenStates.push(...(await engine.pathStates()));
    const texts = [
      ...seenStates.map((state) => JSON.stringify(state)),
      ...errorBodies,
      ...logger.lines,
    ];
    expect(seenStates.some((state) => state.reason === 'unauthorized')).toBe(true);
    expect(logger.lines.some((line) => line.includes(securedCamera.url.replace('rtsp://', '')))).toBe(true);
    for (const text of texts) for (const secret of CREDENTIAL_TEXTS) expect(text).not.toContain(secret);
  });
});
