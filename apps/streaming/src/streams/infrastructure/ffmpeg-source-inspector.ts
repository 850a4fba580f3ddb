import { Injectable } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { ffprobeBeside } from '@vms/platform';
import type { PathSource } from '../../media-server/media-server.port';
import { inputArgs } from '../../media-server/infrastructure/embedded/ffmpeg-args';
import { FailureReason, failureReason } from '../../media-server/infrastructure/embedded/ffmpeg-failure';
import { probeSource } from '../../media-server/infrastructure/embedded/source-probe';
import { SourceKind, sourceKind, UnsupportedSourceError } from '../../media-server/infrastructure/embedded/source-url';
import { StreamingEnv } from '../../streaming.env';
import { FrameGrab, FrameOrigin, SourceInspector, SourceProbe } from '../application/source-inspector';
import { StreamTokenService } from '../application/stream-token.service';

/** Whole-call limits: an admin waits for a connection test or a snapshot, never longer than this. */
export const PROBE_TIMEOUT_MS = 10_000;
export const GRAB_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 5_000;
const MAX_WIDTH = 1280;
const MAX_JPEG_BYTES = 8 * 1024 * 1024;
const STDERR_TAIL = 16 * 1024;
const JPEG_SOI = Buffer.from([0xff, 0xd8]);

/** ffprobe for connection tests (the engine's own probe), ffmpeg for one-frame snapshots. */
@Injectable()
export class FfmpegSourceInspector extends SourceInspector {
  private readonly ffmpegPath: string;
  private readonly ffprobePath: string;

  constructor(private readonly env: StreamingEnv, private readonly tokens: StreamTokenService) {
    super();
    this.ffmpegPath = env.FFMPEG_PATH;
    this.ffprobePath = ffprobeBeside(env.FFMPEG_PATH);
  }

  async probe(source: PathSource): Promise<SourceProbe> {
    if (!supported(source.url)) return { ok: false, reason: 'unsupported source' };
    const result = await probeSource(source, { ffprobePath: this.ffprobePath, socketTimeoutMs: SOCKET_TIMEOUT_MS, timeoutMs: PROBE_TIMEOUT_MS });
    if (!result.ok) return result;
    const video = { codec: result.videoCodec, width: result.width ?? null, height: result.height ?? null };
    return { ok: true, video: result.fps ? { ...video, fps: result.fps } : video };
  }

  async grabFrame(origin: FrameOrigin): Promise<FrameGrab> {
    if (origin.kind === 'source' && !supported(origin.source.url)) return { ok: false, reason: 'unsupported source' };
    const kind: SourceKind = origin.kind === 'source' ? sourceKind(origin.source.url) : 'http';
    const input = origin.kind === 'source' ? inputArgs(origin.source, SOCKET_TIMEOUT_MS, 'probe') : this.liveInput(origin.streamPath);
    const args = [
      '-hide_banner', '-nostdin', '-loglevel', 'error',
      // Keyframes only: the first decoded picture is whole, never the grey smear before a keyframe.
      '-skip_frame', 'nokey',
      // ffmpeg would otherwise study a live input for 5 s before decoding anything.
      '-analyzeduration', '1000000',
      ...input,
      '-map', '0:v:0', '-frames:v', '1',
      '-vf', `scale='min(${MAX_WIDTH},iw)':-2`,
      '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '4', 'pipe:1',
    ];
    return runGrab(this.ffmpegPath, args, kind);
  }

  /** The engine's HLS output of the path, read over loopback with a token of our own, from its newest segment. */
  private liveInput(streamPath: string): string[] {
    const { token } = this.tokens.issue('snapshot', streamPath);
    const url = `http://127.0.0.1:${this.env.HLS_PORT}/${streamPath}/index.m3u8?token=${encodeURIComponent(token)}`;
    return ['-rw_timeout', String(SOCKET_TIMEOUT_MS * 1000), '-live_start_index', '-1', '-i', url];
  }
}

function supported(url: string): boolean {
  try {
    sourceKind(url);
    return true;
  } catch (error) {
    if (error instanceof UnsupportedSourceError) return false;
    throw error;
  }
}

async function runGrab(ffmpegPath: string, args: string[], kind: SourceKind): Promise<FrameGrab> {
  const startedAt = Date.now();
  const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: GRAB_TIMEOUT_MS, killSignal: 'SIGKILL' });
  const chunks: Buffer[] = [];
  let size = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_JPEG_BYTES) chunks.push(chunk);
    else child.kill('SIGKILL');
  });
  // The tail only, and never shown as is: it may hold the source URL with its credentials.
  child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL); });
  const end = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: string }>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ code: null, signal: null, spawnError: error.code ?? error.message }));
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  const jpeg = Buffer.concat(chunks);
  if (end.code === 0 && size <= MAX_JPEG_BYTES && jpeg.subarray(0, 2).equals(JPEG_SOI)) return { ok: true, jpeg };
  if (size > MAX_JPEG_BYTES) return { ok: false, reason: 'frame too large' };
  if (end.signal) return { ok: false, reason: FailureReason.timeout };
  // ffmpeg exits 0 without output when the input ends before a keyframe.
  if (end.code === 0) return { ok: false, reason: FailureReason.notVideo };
  return { ok: false, reason: failureReason({ ...end, output: stderr, elapsedMs: Date.now() - startedAt }, kind, SOCKET_TIMEOUT_MS) };
}
