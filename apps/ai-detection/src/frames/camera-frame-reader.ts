import { ChildProcess, spawn } from 'node:child_process';
import { decodeModeFor, DecodeMode, ffmpegFrameArgs, FrameSourcePlan, KEYFRAME_MODE_MAX_INTERVAL_SEC } from './ffmpeg-frame-args';
import { ContentRect, contentRectOf, Frame, frameByteLength, FrameFormat } from './frame';
import { failureOf } from './frame-source-failure';
import { probeKeyframes } from './keyframe-probe';
import { maskUrlSecrets } from './mask-url-secrets';
import { RawFrameSplitter } from './raw-frame-splitter';
import { BackoffOptions, DEFAULT_BACKOFF, RestartBackoff } from '@vms/platform';

/**
 * `starting`: probing or waiting for the first picture; `running`: pictures arrive; `stalled`: no
 * picture for too long, ffmpeg was stopped and a restart is scheduled; `backoff`: the probe or
 * ffmpeg failed (see `reason`) and a restart is scheduled; `stopped`: for good.
 */
export type FrameReaderState = 'starting' | 'running' | 'stalled' | 'backoff' | 'stopped';

export interface FrameSourceLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface FrameReaderOptions {
  ffmpegPath: string;
  ffprobePath: string;
  /** ffmpeg's `-rw_timeout`: a network read that blocks this long fails the run. */
  ioTimeoutMs: number;
  probeTimeoutMs: number;
  /** A running reader with no picture for this long is stalled and restarted. */
  stallTimeoutMs: number;
  /** The same for the first picture of a run (HLS open, stream analysis, first keyframe). */
  firstFrameTimeoutMs: number;
  /** SIGTERM, then SIGKILL after this long. */
  stopGraceMs: number;
  backoff: BackoffOptions;
  maxKeyframeIntervalSec: number;
  logger: FrameSourceLogger;
}

const SILENT_LOGGER: FrameSourceLogger = { log: () => undefined, warn: () => undefined };

export const DEFAULT_FRAME_READER_OPTIONS: FrameReaderOptions = {
  ffmpegPath: 'ffmpeg',
  ffprobePath: 'ffprobe',
  ioTimeoutMs: 5000,
  probeTimeoutMs: 15000,
  stallTimeoutMs: 10000,
  firstFrameTimeoutMs: 20000,
  stopGraceMs: 2000,
  backoff: DEFAULT_BACKOFF,
  maxKeyframeIntervalSec: KEYFRAME_MODE_MAX_INTERVAL_SEC,
  logger: SILENT_LOGGER,
};

export interface FrameReaderStats {
  state: FrameReaderState;
  /** The last failure (`not found`, `unauthorized`, `no frame for 10 s`...); null once pictures flow. */
  reason: string | null;
  /** Pictures received from ffmpeg, and those overwritten by a newer one before anybody took them. */
  decoded: number;
  dropped: number;
  lastFrameAt: number | null;
  lastFrameAgeMs: number | null;
  /** Runs started after the first one. */
  restarts: number;
  /** While stalled or in backoff: the delay chosen before the next attempt. */
  retryDelayMs: number | null;
  mode: DecodeMode | null;
  source: { width: number; height: number } | null;
  keyframeIntervalSec: number | null;
  /** The running ffmpeg, if any. */
  pid: number | null;
}

interface Run {
  child: ChildProcess;
  startedAt: number;
  firstFrameAt: number | null;
  lastFrameAt: number | null;
  stderr: string;
  stopRequested: boolean;
  stalled: boolean;
  exited: Promise<void>;
}

const STDERR_TAIL = 8 * 1024;
const WATCHDOG_INTERVAL_MS = 500;

/**
 * One camera's pictures: probes the HLS stream, runs ffmpeg to get about one scaled RGB picture a
 * second, keeps only the newest one not yet taken, and restarts ffmpeg with backoff when it fails
 * or goes silent. Single use: once stopped it stays stopped.
 */
export class CameraFrameReader {
  private readonly options: FrameReaderOptions;
  private readonly backoff: RestartBackoff;
  private readonly aborter = new AbortController();
  private readonly frameBytes: number;
  private state: FrameReaderState = 'starting';
  private reason: string | null = null;
  private started = false;
  private stopped = false;
  private run: Run | null = null;
  private attempting: Promise<void> | null = null;
  private pending: Frame | null = null;
  private decoded = 0;
  private dropped = 0;
  private restarts = 0;
  private lastFrameAt: number | null = null;
  private retryDelayMs: number | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private plan: FrameSourcePlan | null = null;
  private content: ContentRect | null = null;
  private keyframeIntervalSec: number | null = null;

  constructor(
    readonly cameraId: string,
    readonly url: string,
    readonly format: FrameFormat,
    options: Partial<FrameReaderOptions> = {},
  ) {
    this.options = { ...DEFAULT_FRAME_READER_OPTIONS, ...options };
    this.backoff = new RestartBackoff(this.options.backoff);
    this.frameBytes = frameByteLength(format);
  }

  /** The URL with its token masked, for logs. */
  get maskedUrl(): string {
    return maskUrlSecrets(this.url, this.url);
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.watchdog = setInterval(() => this.checkStall(), WATCHDOG_INTERVAL_MS);
    this.watchdog.unref();
    this.attempt();
  }

  /** Hands out the newest picture not taken yet (each picture once). */
  take(): Frame | null {
    const frame = this.pending;
    this.pending = null;
    return frame;
  }

  stats(now = Date.now()): FrameReaderStats {
    return {
      state: this.state,
      reason: this.reason,
      decoded: this.decoded,
      dropped: this.dropped,
      lastFrameAt: this.lastFrameAt,
      lastFrameAgeMs: this.lastFrameAt === null ? null : now - this.lastFrameAt,
      restarts: this.restarts,
      retryDelayMs: this.state === 'stalled' || this.state === 'backoff' ? this.retryDelayMs : null,
      mode: this.plan?.mode ?? null,
      source: this.plan ? { ...this.plan.source } : null,
      keyframeIntervalSec: this.keyframeIntervalSec,
      pid: this.run && !this.run.stopRequested ? this.run.child.pid ?? null : null,
    };
  }

  /** Stops for good: no more restarts, the probe aborted, ffmpeg gone (SIGTERM, then SIGKILL) when this resolves. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.state = 'stopped';
    this.pending = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.watchdog) clearInterval(this.watchdog);
    this.retryTimer = null;
    this.watchdog = null;
    this.aborter.abort();
    if (this.run) await this.kill(this.run);
    if (this.attempting) await this.attempting;
  }

  private attempt(): void {
    this.attempting = this.probeAndSpawn()
      .catch((error: unknown) => this.fail(`internal error: ${maskUrlSecrets(String(error), this.url)}`, 0))
      .finally(() => { this.attempting = null; });
  }

  private async probeAndSpawn(): Promise<void> {
    this.state = 'starting';
    const probe = await probeKeyframes(this.url, {
      ffprobePath: this.options.ffprobePath,
      ioTimeoutMs: this.options.ioTimeoutMs,
      timeoutMs: this.options.probeTimeoutMs,
      signal: this.aborter.signal,
    });
    if (this.stopped) return;
    if (!probe.ok) return this.fail(probe.reason, 0);
    const source = { width: probe.width, height: probe.height };
    this.keyframeIntervalSec = probe.keyframeIntervalSec;
    this.plan = { format: this.format, source, mode: decodeModeFor(probe.keyframeIntervalSec, this.options.maxKeyframeIntervalSec) };
    this.content = contentRectOf(this.format, source.width, source.height);
    this.spawn(this.plan);
  }

  private spawn(plan: FrameSourcePlan): void {
    const child = spawn(this.options.ffmpegPath, ffmpegFrameArgs(this.url, plan, { ioTimeoutMs: this.options.ioTimeoutMs }), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let finish: () => void = () => undefined;
    const run: Run = {
      child, startedAt: Date.now(), firstFrameAt: null, lastFrameAt: null, stderr: '', stopRequested: false, stalled: false,
      exited: new Promise((resolve) => { finish = resolve; }),
    };
    this.run = run;
    const splitter = new RawFrameSplitter(this.frameBytes);
    child.stdout!.on('data', (chunk: Buffer) => {
      for (const rgb of splitter.push(chunk)) this.deliver(run, rgb);
    });
    child.stderr!.on('data', (chunk: Buffer) => { run.stderr = (run.stderr + chunk.toString()).slice(-STDERR_TAIL); });
    let done = false;
    const onEnd = (code: number | null, signal: NodeJS.Signals | null, spawnError?: string) => {
      if (done) return;
      done = true;
      finish();
      this.onExit(run, code, signal, spawnError);
    };
    child.on('error', (error: NodeJS.ErrnoException) => onEnd(null, null, error.code ?? error.message));
    child.on('close', (code, signal) => onEnd(code, signal));
    const interval = this.keyframeIntervalSec === null ? 'unknown' : `${this.keyframeIntervalSec} s`;
    this.options.logger.log(
      `camera ${this.cameraId}: ffmpeg ${child.pid ?? '?'} reading ${this.maskedUrl} (${plan.mode}, keyframe interval ${interval}, `
      + `${plan.source.width}x${plan.source.height} -> ${this.format.width}x${this.format.height} ${this.format.fit})`,
    );
  }

  private deliver(run: Run, rgb: Buffer): void {
    if (run !== this.run || run.stopRequested || this.stopped) return;
    const now = Date.now();
    run.firstFrameAt ??= now;
    run.lastFrameAt = now;
    this.lastFrameAt = now;
    this.decoded += 1;
    if (this.pending) this.dropped += 1;
    this.pending = {
      cameraId: this.cameraId,
      capturedAt: now,
      rgb,
      format: this.format,
      source: { ...this.plan!.source },
      content: { ...this.content! },
    };
    if (this.state !== 'running') {
      if (this.reason) this.options.logger.log(`camera ${this.cameraId}: frames flowing again`);
      this.state = 'running';
      this.reason = null;
    }
  }

  private checkStall(now = Date.now()): void {
    const run = this.run;
    if (!run || run.stopRequested || this.stopped) return;
    const silentMs = now - (run.lastFrameAt ?? run.startedAt);
    const limitMs = run.lastFrameAt === null ? this.options.firstFrameTimeoutMs : this.options.stallTimeoutMs;
    if (silentMs <= limitMs) return;
    run.stalled = true;
    this.state = 'stalled';
    this.reason = `no frame for ${Math.round(silentMs / 1000)} s`;
    void this.kill(run);
  }

  private onExit(run: Run, code: number | null, signal: NodeJS.Signals | null, spawnError?: string): void {
    if (run !== this.run) return;
    this.run = null;
    if (this.stopped || (run.stopRequested && !run.stalled)) return;
    const healthyMs = run.firstFrameAt === null ? 0 : (run.lastFrameAt ?? run.firstFrameAt) - run.firstFrameAt;
    if (run.stalled) return this.scheduleRestart(healthyMs, 'stalled', `stalled (${this.reason}), ffmpeg stopped`);
    const stderr = maskUrlSecrets(run.stderr, this.url);
    const detail = stderr.trim().split('\n').slice(-2).join(' | ');
    this.reason = failureOf({ code, signal, stderr, spawnError });
    this.scheduleRestart(healthyMs, 'backoff', `ffmpeg exited (${this.reason})${detail ? `: ${detail}` : ''}`);
  }

  private fail(reason: string, healthyMs: number): void {
    if (this.stopped) return;
    this.reason = reason;
    this.scheduleRestart(healthyMs, 'backoff', `stream check of ${this.maskedUrl} failed (${reason})`);
  }

  private scheduleRestart(healthyMs: number, state: 'stalled' | 'backoff', message: string): void {
    const delayMs = this.backoff.nextDelayMs(healthyMs);
    this.state = state;
    this.retryDelayMs = delayMs;
    this.options.logger.warn(`camera ${this.cameraId}: ${message}; retrying in ${delayMs / 1000} s`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.stopped) return;
      this.restarts += 1;
      this.attempt();
    }, delayMs);
    this.retryTimer.unref();
  }

  private async kill(run: Run): Promise<void> {
    run.stopRequested = true;
    if (run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGTERM');
      const escalate = setTimeout(() => run.child.kill('SIGKILL'), this.options.stopGraceMs);
      await run.exited;
      clearTimeout(escalate);
    }
    await run.exited;
  }
}
