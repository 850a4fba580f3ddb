import { Injectable } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { AiDetectionEnv } from '../../ai-detection.env';
import type { Frame } from '../../frames/frame';
import { SnapshotBox, SnapshotWriter } from '../application/snapshot-writer';

const SNAPSHOT_TIMEOUT_MS = 10_000;

/**
 * Encodes the frame's picture area (padding cropped away) to JPEG with ffmpeg, boxes drawn with
 * `drawbox`: the objects the event is about in red, the others in yellow.
 */
@Injectable()
export class FfmpegSnapshotWriter extends SnapshotWriter {
  private readonly root: string;

  constructor(private readonly env: AiDetectionEnv) {
    super();
    this.root = path.resolve(env.MEDIA_ROOT);
  }

  async write(frame: Frame, boxes: SnapshotBox[], name: { cameraId: string; id: string; at: Date }): Promise<string> {
    const relative = path.join('snapshots', name.cameraId, name.at.toISOString().slice(0, 10), `${name.id}.jpg`);
    const target = path.join(this.root, relative);
    await mkdir(path.dirname(target), { recursive: true });
    const { x, y, width, height } = frame.content;
    const filters = [`crop=${width}:${height}:${x}:${y}`, ...boxes.map((box) => drawbox(box, width, height))];
    await runFfmpeg(this.env.FFMPEG_PATH, [
      '-hide_banner', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24',
      '-s', `${frame.format.width}x${frame.format.height}`, '-i', 'pipe:0',
      '-vf', filters.join(','), '-frames:v', '1', '-q:v', '4', '-y', target,
    ], frame.rgb);
    return relative;
  }

  async remove(relativePaths: string[]): Promise<void> {
    for (const relative of relativePaths) {
      const target = path.resolve(this.root, relative);
      if (target.startsWith(this.root + path.sep)) await rm(target, { force: true });
    }
  }
}

function drawbox(box: SnapshotBox, width: number, height: number): string {
  const [x1, y1, x2, y2] = box.box;
  const left = Math.round(x1 * width);
  const top = Math.round(y1 * height);
  const boxWidth = Math.max(2, Math.round((x2 - x1) * width));
  const boxHeight = Math.max(2, Math.round((y2 - y1) * height));
  return `drawbox=x=${left}:y=${top}:w=${boxWidth}:h=${boxHeight}:color=${box.highlight ? 'red' : 'yellow'}@0.9:t=${box.highlight ? 3 : 1}`;
}

function runFfmpeg(ffmpegPath: string, args: string[], input: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), SNAPSHOT_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`snapshot encoding failed (${code}): ${stderr.trim().slice(-300)}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
