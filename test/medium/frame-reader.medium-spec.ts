import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentRectOf, Frame, FrameFormat } from '../../apps/ai-detection/src/frames/frame';
import { CameraFrameStats, FrameHub } from '../../apps/ai-detection/src/frames/frame-hub';
import { STREET_CLIP } from '../support/file-test-camera';
import {
  encodeWithGop, ffmpegProcessesWith, HlsTestServer, HlsTestStream, pidAlive, segmentCount, startHlsTestServer, startHlsTestStream,
} from '../support/hls-test-stream';

/**
 * The AI service's frame source against live HLS: the street clip as it is (GOP ~8.3 s, so
 * ~8 s segments: decode everything, fps=1) and re-encoded with a 1 s GOP (keyframes only).
 */

const SECRET = 'S3CRET-stream-token';
const LETTERBOX_CENTER: FrameFormat = { width: 416, height: 416, fit: 'letterbox-center', padRgb: [114, 114, 114] };
const LETTERBOX_TOP_LEFT: FrameFormat = { width: 416, height: 416, fit: 'letterbox-top-left', padRgb: [114, 114, 114] };
const STRETCH: FrameFormat = { width: 320, height: 240, fit: 'stretch', padRgb: [114, 114, 114] };

class CollectingLogger {
  readonly lines: string[] = [];
  log(message: string): void { this.lines.push(message); }
  warn(message: string): void { this.lines.push(message); }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, check: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 40000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

function statsOf(hub: FrameHub, cameraId: string): CameraFrameStats {
  const stats = hub.stats().find((entry) => entry.cameraId === cameraId);
  if (!stats) throw new Error(`no reader for ${cameraId}`);
  return stats;
}

function waitForState(hub: FrameHub, cameraId: string, state: CameraFrameStats['state'], timeoutMs = 40000): Promise<CameraFrameStats> {
  return waitFor(`${cameraId} to be ${state} (now ${JSON.stringify(hub.stats().find((entry) => entry.cameraId === cameraId))})`,
    () => { const stats = statsOf(hub, cameraId); return stats.state === state && stats; }, timeoutMs);
}

function waitForFrame(hub: FrameHub, cameraId: string): Promise<Frame> {
  return waitFor(`a frame from ${cameraId}`, () => hub.takeLatest().find((frame) => frame.cameraId === cameraId));
}

/** Frames decoded over `windowMs`, and the most that arrived between two samples half a second apart (a burst). */
async function countFrames(hub: FrameHub, cameraId: string, windowMs: number): Promise<{ decoded: number; largestBurst: number }> {
  const start = statsOf(hub, cameraId).decoded;
  let previous = start;
  let largestBurst = 0;
  const end = Date.now() + windowMs;
  while (Date.now() < end) {
    await sleep(Math.min(500, end - Date.now()));
    const decoded = statsOf(hub, cameraId).decoded;
    largestBurst = Math.max(largestBurst, decoded - previous);
    previous = decoded;
  }
  return { decoded: previous - start, largestBurst };
}

/** The pixels of a rectangle, as bytes. */
function region(frame: Frame, x: number, y: number, width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  const stride = frame.format.width * 3;
  for (let row = y; row < y + height; row += 1) rows.push(frame.rgb.subarray(row * stride + x * 3, row * stride + (x + width) * 3));
  return Buffer.concat(rows);
}

function allBytes(pixels: Buffer, value: number): boolean {
  return pixels.length > 0 && pixels.every((byte) => byte === value);
}

/** A picture, not a flat fill: many distinct values and a real spread. */
function looksLikeAPicture(pixels: Buffer): boolean {
  const distinct = new Set(pixels).size;
  let sum = 0;
  for (const byte of pixels) sum += byte;
  const mean = sum / pixels.length;
  let variance = 0;
  for (const byte of pixels) variance += (byte - mean) ** 2;
  return distinct > 50 && Math.sqrt(variance / pixels.length) > 10;
}

describe('AI frame source (medium: ffmpeg against live HLS)', () => {
  let root: string;
  let server: HlsTestServer;
  let longGop: HlsTestStream;
  let shortGop: HlsTestStream;
  const logger = new CollectingLogger();
  let hub: FrameHub;
  let stallHub: FrameHub;
  const url = (stream: string, camera: string) => `${server.baseUrl}/${stream}/index.m3u8?token=${SECRET}-${camera}&cam=${camera}`;
  const seenPids = new Set<number>();

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'vms-frames-'));
    await Promise.all(['long', 'short', 'frozen'].map((name) => mkdir(path.join(root, name))));
    const shortClip = path.join(root, 'street_gop1s.mp4');
    await encodeWithGop(STREET_CLIP, shortClip, 30);
    server = await startHlsTestServer(root);
    [longGop, shortGop] = await Promise.all([
      startHlsTestStream(STREET_CLIP, path.join(root, 'long'), { minSegments: 1, timeoutMs: 40000 }),
      startHlsTestStream(shortClip, path.join(root, 'short'), { minSegments: 3, timeoutMs: 40000 }),
    ]);
    hub = new FrameHub({ logger });
    await Promise.all([
      hub.ensure('street-center', url('long', 'street-center'), LETTERBOX_CENTER),
      hub.ensure('gop1-top-left', url('short', 'gop1-top-left'), LETTERBOX_TOP_LEFT),
      hub.ensure('street-stretch', url('long', 'street-stretch'), STRETCH),
    ]);
  }, 120000);

  afterAll(async () => {
    await hub?.close();
    await stallHub?.close();
    await Promise.all([longGop?.stop(), shortGop?.stop()]);
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('decodes a long-GOP stream in full and delivers about one frame a second', async () => {
    const running = await waitForState(hub, 'street-center', 'running');
    expect(running).toMatchObject({ mode: 'all-frames', keyframeIntervalSec: null, source: { width: 640, height: 360 }, reason: null });
    seenPids.add(running.pid!);
    await sleep(2000);
    const { decoded, largestBurst } = await countFrames(hub, 'street-center', 6000);
    expect(decoded).toBeGreaterThanOrEqual(4);
    expect(decoded).toBeLessThanOrEqual(8);
    // Spread out, not a burst per HLS segment.
    expect(largestBurst).toBeLessThanOrEqual(2);
  });

  it('decodes only keyframes of a 1 s GOP stream and still delivers about one frame a second', async () => {
    const running = await waitForState(hub, 'gop1-top-left', 'running');
    expect(running.mode).toBe('keyframes');
    expect(running.keyframeIntervalSec).toBeGreaterThan(0.9);
    expect(running.keyframeIntervalSec).toBeLessThan(1.1);
    seenPids.add(running.pid!);
    await sleep(1000);
    const { decoded, largestBurst } = await countFrames(hub, 'gop1-top-left', 6000);
    expect(decoded).toBeGreaterThanOrEqual(4);
    expect(decoded).toBeLessThanOrEqual(8);
    // Spread out, not a burst per HLS segment.
    expect(largestBurst).toBeLessThanOrEqual(2);
  });

  it('letterboxes into the centre: exact size, pad colour above and below, a picture in between', async () => {
    const frame = await waitForFrame(hub, 'street-center');
    expect(frame.rgb.length).toBe(416 * 416 * 3);
    expect(frame.format).toEqual(LETTERBOX_CENTER);
    expect(frame.source).toEqual({ width: 640, height: 360 });
    expect(frame.content).toEqual(contentRectOf(LETTERBOX_CENTER, 640, 360));
    expect(frame.content).toEqual({ x: 0, y: 91, width: 416, height: 234 });
    expect(Math.abs(frame.capturedAt - Date.now())).toBeLessThan(5000);
    expect(allBytes(region(frame, 0, 0, 416, 91), 114)).toBe(true);
    expect(allBytes(region(frame, 0, 325, 416, 91), 114)).toBe(true);
    expect(looksLikeAPicture(region(frame, 0, 91, 416, 234))).toBe(true);
    // The picture starts exactly at the content rectangle: its first and last rows are not padding.
    expect(allBytes(region(frame, 0, 91, 416, 1), 114)).toBe(false);
    expect(allBytes(region(frame, 0, 324, 416, 1), 114)).toBe(false);
  });

  it('letterboxes into the top-left corner: padding below the picture only', async () => {
    const frame = await waitForFrame(hub, 'gop1-top-left');
    expect(frame.rgb.length).toBe(416 * 416 * 3);
    expect(frame.content).toEqual({ x: 0, y: 0, width: 416, height: 234 });
    expect(allBytes(region(frame, 0, 234, 416, 182), 114)).toBe(true);
    expect(looksLikeAPicture(region(frame, 0, 0, 416, 234))).toBe(true);
    expect(allBytes(region(frame, 0, 0, 416, 1), 114)).toBe(false);
    expect(allBytes(region(frame, 0, 233, 416, 1), 114)).toBe(false);
  });

  it('stretches to the full frame', async () => {
    const frame = await waitForFrame(hub, 'street-stretch');
    expect(frame.rgb.length).toBe(320 * 240 * 3);
    expect(frame.content).toEqual({ x: 0, y: 0, width: 320, height: 240 });
    expect(looksLikeAPicture(region(frame, 0, 0, 320, 24))).toBe(true);
    expect(looksLikeAPicture(region(frame, 0, 216, 320, 24))).toBe(true);
  });

  it('keeps only the newest frame when nobody takes them, counting the overwritten ones', async () => {
    await waitForState(hub, 'street-center', 'running');
    hub.takeLatest();
    const before = statsOf(hub, 'street-center');
    await sleep(3500);
    // Taken and read in the same tick: no frame can arrive in between.
    const frames = hub.takeLatest().filter((frame) => frame.cameraId === 'street-center');
    const after = statsOf(hub, 'street-center');
    const decoded = after.decoded - before.decoded;
    expect(decoded).toBeGreaterThanOrEqual(2);
    expect(frames).toHaveLength(1);
    expect(frames[0].capturedAt).toBe(after.lastFrameAt);
    expect(after.dropped - before.dropped).toBe(decoded - 1);
    expect(hub.takeLatest().filter((frame) => frame.cameraId === 'street-center')).toHaveLength(0);
  });

  it('backs off with growing delays from a URL that 404s, without disturbing the other cameras, and never logs the token', async () => {
    const others = statsOf(hub, 'street-center').decoded;
    const missingPath = '/missing/index.m3u8';
    await hub.ensure('missing', `${server.baseUrl}${missingPath}?token=${SECRET}-missing`, LETTERBOX_CENTER);
    const delays = new Set<number>();
    const attempts = await waitFor('four attempts at the missing playlist', () => {
      const stats = statsOf(hub, 'missing');
      if (stats.retryDelayMs !== null) delays.add(stats.retryDelayMs);
      const times = server.requests.filter((request) => request.path === missingPath).map((request) => request.at);
      return times.length >= 4 && times;
    }, 40000, 50);
    // The fourth attempt has asked; wait for it to fail too.
    const stats = await waitForState(hub, 'missing', 'backoff', 10000);
    expect(stats.reason).toBe('not found');
    expect(stats.decoded).toBe(0);
    const gaps = attempts.slice(1, 4).map((time, index) => time - attempts[index]);
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1800);
    expect(gaps[2]).toBeGreaterThanOrEqual(3600);
    expect(gaps[1]).toBeGreaterThan(gaps[0]);
    expect(gaps[2]).toBeGreaterThan(gaps[1]);
    expect([...delays].slice(0, 3)).toEqual([1000, 2000, 4000]);

    const street = statsOf(hub, 'street-center');
    expect(street.state).toBe('running');
    expect(street.decoded - others).toBeGreaterThanOrEqual(4);
    expect(statsOf(hub, 'gop1-top-left').state).toBe('running');

    expect(logger.lines.some((line) => line.includes('camera missing') && line.includes('token=***') && line.includes('not found'))).toBe(true);
    expect(logger.lines.filter((line) => line.includes(SECRET))).toEqual([]);
    expect(JSON.stringify(hub.stats())).not.toContain(SECRET);
    await hub.remove('missing');
  });

  it('runs one ffmpeg per camera however often it is ensured, and replaces it when the format changes', async () => {
    const dupUrl = url('short', 'dup');
    await Promise.all([hub.ensure('dup', dupUrl, LETTERBOX_TOP_LEFT), hub.ensure('dup', dupUrl, { ...LETTERBOX_TOP_LEFT, padRgb: [114, 114, 114] })]);
    await hub.ensure('dup', dupUrl, LETTERBOX_TOP_LEFT);
    const first = await waitForState(hub, 'dup', 'running');
    seenPids.add(first.pid!);
    await hub.ensure('dup', dupUrl, { ...LETTERBOX_TOP_LEFT });
    await sleep(1500);
    expect(await ffmpegProcessesWith('cam=dup')).toEqual([first.pid]);
    expect(statsOf(hub, 'dup').pid).toBe(first.pid);
    expect(hub.cameraIds.filter((id) => id === 'dup')).toHaveLength(1);

    await hub.ensure('dup', dupUrl, { ...LETTERBOX_TOP_LEFT, width: 320, height: 320 });
    expect(pidAlive(first.pid!)).toBe(false);
    const second = await waitForState(hub, 'dup', 'running');
    seenPids.add(second.pid!);
    expect(second.pid).not.toBe(first.pid);
    expect(await ffmpegProcessesWith('cam=dup')).toEqual([second.pid]);
    const frame = await waitForFrame(hub, 'dup');
    expect(frame.rgb.length).toBe(320 * 320 * 3);
  });

  it('remove() stops the camera: its ffmpeg is gone and nothing of it is left', async () => {
    const { pid } = await waitForState(hub, 'dup', 'running');
    expect(pid).not.toBeNull();
    expect(pidAlive(pid!)).toBe(true);
    await hub.remove('dup');
    expect(pidAlive(pid!)).toBe(false);
    expect(await ffmpegProcessesWith('cam=dup')).toEqual([]);
    expect(hub.cameraIds).not.toContain('dup');
    expect(hub.takeLatest().some((frame) => frame.cameraId === 'dup')).toBe(false);
  });

  it('restarts a reader whose stream stops delivering (stalled) and recovers', async () => {
    // A snapshot of the live playlist that never changes again (no ENDLIST): ffmpeg waits for segments forever.
    const playlist = await readFile(shortGop.playlist, 'utf8');
    const segments = playlist.split('\n').filter((line) => line.endsWith('.ts'));
    await Promise.all(segments.map((segment) => copyFile(path.join(shortGop.directory, segment), path.join(root, 'frozen', segment))));
    await writeFile(path.join(root, 'frozen', 'index.m3u8'), playlist);
    expect(await segmentCount(path.join(root, 'frozen', 'index.m3u8'))).toBeGreaterThanOrEqual(3);

    stallHub = new FrameHub({ logger, stallTimeoutMs: 3000, firstFrameTimeoutMs: 8000 });
    await stallHub.ensure('frozen', url('frozen', 'frozen'), LETTERBOX_CENTER);
    const firstRun = await waitForState(stallHub, 'frozen', 'running');
    const stalled = await waitForState(stallHub, 'frozen', 'stalled', 30000);
    expect(stalled.reason).toMatch(/^no frame for \d+ s$/);
    expect(stalled.decoded).toBeGreaterThanOrEqual(1);
    await waitFor('the stalled ffmpeg to exit', () => !pidAlive(firstRun.pid!), 10000);
    const again = await waitFor('frames after the restart', () => {
      const stats = statsOf(stallHub, 'frozen');
      return stats.restarts >= 1 && stats.decoded > stalled.decoded && stats;
    }, 30000);
    expect(again.pid === null || again.pid !== firstRun.pid).toBe(true);
    expect(logger.lines.some((line) => line.includes('camera frozen: stalled (no frame for'))).toBe(true);
    await stallHub.close();
    expect(await ffmpegProcessesWith('cam=frozen')).toEqual([]);
  });

  it('close() leaves no ffmpeg or ffprobe behind', async () => {
    for (const stats of hub.stats()) if (stats.pid) seenPids.add(stats.pid);
    expect(seenPids.size).toBeGreaterThanOrEqual(3);
    await hub.close();
    expect(hub.stats()).toEqual([]);
    expect([...seenPids].filter(pidAlive)).toEqual([]);
    expect(await ffmpegProcessesWith(server.baseUrl)).toEqual([]);
  });
});
