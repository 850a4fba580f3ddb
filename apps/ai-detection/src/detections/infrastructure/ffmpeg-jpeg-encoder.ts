import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { jpegLength } from './jpeg-stream';

const ENCODE_TIMEOUT_MS = 10_000;
/** A quiet encoder ends after this long; the next picture starts it again. */
const DEFAULT_IDLE_CLOSE_MS = 30_000;

interface Pending {
  resolve: (jpeg: Buffer) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * One long-lived ffmpeg that turns raw RGB24 pictures of one size into JPEGs, answered in order.
 * Starting an ffmpeg per snapshot costs about 50 ms of CPU; a warm one encodes a picture in a few.
 * The process starts on the first picture, again after a failure, and ends after `idleCloseMs` (30 s) without work.
 */
export class FfmpegJpegEncoder {
  private child: ChildProcessWithoutNullStreams | null = null;
  private readonly pending: Pending[] = [];
  private output: Buffer = Buffer.alloc(0);
  private stderr = '';
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ffmpegPath: string,
    readonly width: number,
    readonly height: number,
    private readonly quality = 4,
    private readonly idleCloseMs = DEFAULT_IDLE_CLOSE_MS,
  ) {}

  encode(rgb: Buffer): Promise<Buffer> {
    if (rgb.length !== this.width * this.height * 3) {
      return Promise.reject(new RangeError(`picture is ${rgb.length} bytes; ${this.width}x${this.height} RGB24 is ${this.width * this.height * 3}`));
    }
    const child = this.child ?? this.start();
    this.clearIdleTimer();
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error('snapshot encoding timed out')), ENCODE_TIMEOUT_MS);
      this.pending.push({ resolve, reject, timer });
      child.stdin.write(rgb);
    });
  }

  close(): void {
    this.fail(new Error('encoder closed'));
  }

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn(this.ffmpegPath, [
      '-hide_banner', '-nostats', '-loglevel', 'error',
      '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${this.width}x${this.height}`, '-i', 'pipe:0',
      // One encoder thread: with frame threads ffmpeg holds a picture back until the next one arrives.
      '-c:v', 'mjpeg', '-q:v', String(this.quality), '-threads', '1', '-f', 'image2pipe', '-flush_packets', '1', 'pipe:1',
    ]);
    this.child = child;
    this.output = Buffer.alloc(0);
    this.stderr = '';
    child.stdout.on('data', (chunk: Buffer) => this.onOutput(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-1000);
    });
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => this.fail(error, child));
    child.on('close', (code) => this.fail(new Error(`snapshot encoder exited (${code}): ${this.stderr.trim().slice(-300)}`), child));
    return child;
  }

  private onOutput(chunk: Buffer): void {
    this.output = this.output.length ? Buffer.concat([this.output, chunk]) : chunk;
    try {
      for (let length = jpegLength(this.output); length > 0; length = jpegLength(this.output)) {
        const jpeg = Buffer.from(this.output.subarray(0, length));
        this.output = this.output.subarray(length);
        const waiting = this.pending.shift();
        if (!waiting) throw new Error('encoder produced a picture nobody asked for');
        clearTimeout(waiting.timer);
        waiting.resolve(jpeg);
      }
      if (this.pending.length === 0) this.armIdleTimer();
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private armIdleTimer(): void {
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => this.close(), this.idleCloseMs);
    this.idleTimer.unref();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Rejects everything waiting and ends the process; the next picture starts a new one. */
  private fail(error: Error, from: ChildProcessWithoutNullStreams | null = this.child): void {
    if (from !== this.child || !from) return;
    this.clearIdleTimer();
    this.child = null;
    from.kill('SIGKILL');
    for (const waiting of this.pending.splice(0)) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
  }
}
