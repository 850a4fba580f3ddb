import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AiDetectionEnv } from '../../apps/ai-detection/src/ai-detection.env';
import { FfmpegJpegEncoder } from '../../apps/ai-detection/src/detections/infrastructure/ffmpeg-jpeg-encoder';
import { FfmpegSnapshotWriter } from '../../apps/ai-detection/src/detections/infrastructure/ffmpeg-snapshot.writer';
import type { Frame } from '../../apps/ai-detection/src/frames/frame';
import { waitUntil } from '../support/wait';

const run = promisify(execFile);

/** Decodes a JPEG with the real ffmpeg back into RGB24 and its size. */
async function decode(jpeg: Buffer): Promise<{ width: number; height: number; rgb: Buffer }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vms-jpeg-'));
  try {
    const file = path.join(dir, 'picture.jpg');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, jpeg));
    const { stdout: size } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0:s=x', file]);
    const [width, height] = size.trim().split('x').map(Number);
    const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], { encoding: 'buffer', maxBuffer: 1 << 24 });
    return { width, height, rgb: stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function solid(width: number, height: number, [r, g, b]: number[]): Buffer {
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0; i < rgb.length; i += 3) [rgb[i], rgb[i + 1], rgb[i + 2]] = [r, g, b];
  return rgb;
}

function meanColour(rgb: Buffer): number[] {
  const sums = [0, 0, 0];
  for (let i = 0; i < rgb.length; i++) sums[i % 3] += rgb[i];
  return sums.map((sum) => sum / (rgb.length / 3));
}

/** This process's live ffmpeg children (killed ones linger as zombies until reaped: not counted). */
function encoderPids(): number[] {
  let rows: string[];
  try {
    rows = execFileSync('ps', ['-o', 'pid=,stat=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' }).trim().split('\n');
  } catch {
    return []; // ps exits 1 when there are no children
  }
  return rows.map((row) => row.trim().split(/\s+/)).filter(([, stat, comm]) => comm === 'ffmpeg' && !stat.startsWith('Z')).map(([pid]) => Number(pid));
}

describe('snapshot encoding with a warm ffmpeg (medium)', () => {
  const colours = [[200, 30, 30], [30, 200, 30], [30, 30, 200]];

  it('answers pictures sent at once with their own JPEGs, in order, from one process', async () => {
    const encoder = new FfmpegJpegEncoder('ffmpeg', 64, 36);
    try {
      const jpegs = await Promise.all(colours.map((colour) => encoder.encode(solid(64, 36, colour))));
      expect(encoderPids()).toHaveLength(1);
      for (const [index, jpeg] of jpegs.entries()) {
        const picture = await decode(jpeg);
        expect([picture.width, picture.height]).toEqual([64, 36]);
        meanColour(picture.rgb).forEach((channel, c) => expect(Math.abs(channel - colours[index][c])).toBeLessThan(12));
      }
    } finally {
      encoder.close();
    }
  });

  it('refuses a picture of the wrong size without disturbing the next one', async () => {
    const encoder = new FfmpegJpegEncoder('ffmpeg', 64, 36);
    try {
      await expect(encoder.encode(Buffer.alloc(10))).rejects.toThrow(RangeError);
      expect((await decode(await encoder.encode(solid(64, 36, colours[1])))).width).toBe(64);
    } finally {
      encoder.close();
    }
  });

  it('starts a new process when the encoder was killed', async () => {
    const encoder = new FfmpegJpegEncoder('ffmpeg', 64, 36);
    try {
      await encoder.encode(solid(64, 36, colours[0]));
      const [pid] = encoderPids();
      process.kill(pid, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const picture = await decode(await encoder.encode(solid(64, 36, colours[2])));
      expect(meanColour(picture.rgb)[2]).toBeGreaterThan(150);
      expect(encoderPids()).not.toContain(pid);
    } finally {
      encoder.close();
    }
  });

  it('ends its process after a quiet spell and starts again for the next picture', async () => {
    const encoder = new FfmpegJpegEncoder('ffmpeg', 64, 36, 4, 300);
    try {
      await encoder.encode(solid(64, 36, colours[0]));
      expect(encoderPids()).toHaveLength(1);
      await waitUntil(async () => encoderPids().length === 0, 5000);
      expect((await decode(await encoder.encode(solid(64, 36, colours[1])))).width).toBe(64);
    } finally {
      encoder.close();
    }
  });

  it('fails what waits when ffmpeg cannot start, and keeps no process', async () => {
    const encoder = new FfmpegJpegEncoder('/nonexistent/ffmpeg', 8, 8);
    await expect(encoder.encode(solid(8, 8, colours[0]))).rejects.toThrow();
    expect(encoderPids()).toEqual([]);
  });

  it('writes a snapshot of the picture area with the event boxes drawn in red', async () => {
    const mediaRoot = await mkdtemp(path.join(os.tmpdir(), 'vms-snapshots-'));
    const writer = new FfmpegSnapshotWriter({ MEDIA_ROOT: mediaRoot, FFMPEG_PATH: 'ffmpeg' } as AiDetectionEnv);
    try {
      // 64x64 letterboxed frame: grey padding above and below a 64x36 dark picture.
      const rgb = solid(64, 64, [114, 114, 114]);
      rgb.fill(20, 14 * 64 * 3, 50 * 64 * 3);
      const frame: Frame = {
        cameraId: 'cam-1', capturedAt: Date.UTC(2026, 10, 21, 8), rgb,
        format: { width: 64, height: 64, fit: 'letterbox-center', padRgb: [114, 114, 114] },
        source: { width: 640, height: 360 }, content: { x: 0, y: 14, width: 64, height: 36 },
      };
      const relative = await writer.write(frame, [{ box: [0.25, 0.25, 0.75, 0.75], label: 'car', highlight: true }], { cameraId: 'cam-1', id: 'event-1', at: new Date(frame.capturedAt) });

      expect(relative).toBe(path.join('snapshots', 'cam-1', '2026-11-21', 'event-1.jpg'));
      const picture = await decode(await readFile(path.join(mediaRoot, relative)));
      expect([picture.width, picture.height]).toEqual([64, 36]);
      const at = (x: number, y: number) => [...picture.rgb.subarray((y * 64 + x) * 3, (y * 64 + x) * 3 + 3)];
      const [r, g] = at(32, 10);
      expect(r).toBeGreaterThan(150);
      expect(g).toBeLessThan(90);
      expect(at(32, 18).every((channel) => channel < 60)).toBe(true);
      expect(at(2, 2).every((channel) => channel < 60)).toBe(true);
    } finally {
      writer.onApplicationShutdown();
      await rm(mediaRoot, { recursive: true, force: true });
    }
  });
});
