import { EventEmitter } from 'node:events';
import { mkdir, rm } from 'node:fs/promises';
import type { PathSpec, PathState } from '../../media-server.port';
import { EncodeMode, encodeModeFor, ffmpegArgs, MediaPlan } from './ffmpeg-args';
import { failureReason } from './ffmpeg-failure';
import { FfmpegExit, FfmpegProcess } from './ffmpeg-process';
import { HlsOutputWatch } from './hls-output-watch';
import { PathFacts, pathHealth } from './path-health';
import { ReaderTracker } from './reader-tracker';
import { BackoffOptions, RestartBackoff } from '@vms/platform';
import { ProbeResult, probeSource } from './source-probe';
import { redactCredentials, sameSource, sourceKind } from './source-url';
import { StreamStartError } from './stream-start.error';

export interface EngineLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface PathRunnerSettings {
  ffmpegPath: string;
  ffprobePath: string;
  /** This path's HLS directory (removed when the path stops). */
  directory: string;
  segmentSeconds: number;
  playlistSize: number;
  socketTimeoutMs: number;
  probeTimeoutMs: number;
  stopGraceMs: number;
  backoff: BackoffOptions;
  logger: EngineLogger;
}

export interface ProcessInfo {
  pid: number;
  mode: EncodeMode;
  startedAt: number;
}

const POLL_INTERVAL_MS = 250;
/** A probe's codec answer is reused for starts this long, so an on-demand start does not probe again. */
const PLAN_TTL_MS = 10 * 60 * 1000;

type Outcome = PathFacts['lastOutcome'];

/**
 * Everything about one path: at most one ffmpeg (starts are single-flight), the output it
 * writes, restarts with backoff while someone reads, probes, and the state derived from it all.
 */
export class PathRunner {
  lastProbeAt = 0;
  private lastReadAt = 0;
  private waiters = 0;
  private spec: PathSpec;
  private sourceVersion = 0;
  private wanted = false;
  private closed = false;
  private process: FfmpegProcess | null = null;
  private mode: EncodeMode = 'remux';
  private watch: HlsOutputWatch | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling = false;
  private firstSegmentAt: number | null = null;
  private starting: Promise<void> | null = null;
  private stopping: Promise<void> | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private restartAt = 0;
  private probing: Promise<ProbeResult> | null = null;
  private plan: { plan: MediaPlan; at: number; version: number } | null = null;
  private outcome: Outcome = null;
  private finishedRunsBytes = 0;
  private lastStateRead: { bytes: number; at: number } | null = null;
  private readonly readers = new ReaderTracker();
  private readonly backoff: RestartBackoff;
  private readonly events = new EventEmitter().setMaxListeners(0);
  private readonly aborter = new AbortController();

  constructor(spec: PathSpec, private readonly settings: PathRunnerSettings) {
    this.spec = spec;
    this.backoff = new RestartBackoff(settings.backoff);
  }

  get name(): string {
    return this.spec.name;
  }

  get wantsToRun(): boolean {
    return this.wanted;
  }

  /** How long nobody has read the path; a reader waiting for the first playlist counts as reading. */
  unreadForMs(now = Date.now()): number {
    return this.waiters > 0 ? 0 : now - this.lastReadAt;
  }

  /** Running, starting, waiting to restart or probing: no scheduled probe needed. */
  get busy(): boolean {
    return this.process !== null || this.starting !== null || this.restartTimer !== null || this.probing !== null;
  }

  private get failureReason(): string | null {
    return this.outcome && !this.outcome.ok ? this.outcome.reason : null;
  }

  get running(): boolean {
    return this.process !== null;
  }

  get processInfo(): ProcessInfo | null {
    const pid = this.process?.pid;
    return pid ? { pid, mode: this.mode, startedAt: this.process!.startedAt } : null;
  }

  /** Replaces the spec; a changed source forgets what was learnt about the old one and restarts a running process. */
  async update(spec: PathSpec): Promise<boolean> {
    if (sameSource(this.spec.source, spec.source)) {
      this.spec = spec;
      return false;
    }
    this.spec = spec;
    this.sourceVersion += 1;
    this.plan = null;
    this.probing = null;
    this.outcome = null;
    this.lastProbeAt = 0;
    this.backoff.reset();
    if (this.process || this.restartTimer) {
      const wanted = this.wanted;
      await this.stop();
      if (wanted) void this.start();
    }
    return true;
  }

  /** Records a read; readers are told apart by `reader` (address and token digest, or a component name). */
  read(reader: string): void {
    this.lastReadAt = Date.now();
    this.wanted = true;
    this.readers.seen(reader);
  }

  /** A read that also starts the process when it is not running (and no restart is already scheduled). */
  keepAlive(reader: string): void {
    this.read(reader);
    if (!this.process && !this.restartTimer) void this.start();
  }

  /** Resolves once the current run has produced a playlist, starting it if needed. */
  async ensureServing(reader: string, timeoutMs: number): Promise<void> {
    this.read(reader);
    if (this.process && this.firstSegmentAt !== null) return;
    if (this.restartTimer && this.restartAt > Date.now() + timeoutMs) {
      throw new StreamStartError('failed', this.failureReason ?? 'restarting');
    }
    const ready = this.waitForFirstSegment(timeoutMs);
    if (!this.process && !this.restartTimer) void this.start();
    this.waiters += 1;
    try {
      await ready;
    } finally {
      this.waiters -= 1;
      this.lastReadAt = Date.now();
    }
  }

  start(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.wanted = true;
    this.cancelRestart();
    if (this.process) return Promise.resolve();
    this.starting ??= this.launch()
      .catch((error: unknown) => this.fail(`internal error: ${redactCredentials(String(error), this.spec.source)}`, 0))
      .finally(() => { this.starting = null; });
    return this.starting;
  }

  /** Stops serving: no more restarts, ffmpeg stopped (SIGTERM, then SIGKILL), its directory removed. */
  stop(): Promise<void> {
    this.wanted = false;
    this.cancelRestart();
    this.readers.clear();
    this.stopping ??= this.halt().finally(() => { this.stopping = null; });
    return this.stopping;
  }

  /** The path is deleted: stop everything, cancel probes, fail pending readers. */
  async dispose(): Promise<void> {
    this.closed = true;
    this.aborter.abort();
    this.events.emit('closed');
    await this.stop();
    if (this.starting) await this.starting;
  }

  /** Checks the source with ffprobe; the result becomes the path's state unless a process is running. */
  probe(): Promise<ProbeResult> {
    if (this.probing) return this.probing;
    const version = this.sourceVersion;
    const probing = probeSource(this.spec.source, {
      ffprobePath: this.settings.ffprobePath,
      socketTimeoutMs: this.settings.socketTimeoutMs,
      timeoutMs: this.settings.probeTimeoutMs,
      signal: this.aborter.signal,
    }).then((result) => {
      if (version === this.sourceVersion && !this.closed) {
        this.lastProbeAt = Date.now();
        if (result.ok) this.plan = { plan: { videoCodec: result.videoCodec, audioCodec: result.audioCodec }, at: Date.now(), version };
        if (!this.process) this.recordProbe(result);
      }
      return result;
    });
    this.probing = probing;
    void probing.finally(() => { if (this.probing === probing) this.probing = null; });
    return probing;
  }

  private recordProbe(result: ProbeResult): void {
    const before = this.failureReason;
    this.outcome = result.ok ? { ok: true } : { ok: false, reason: result.reason };
    if (this.starting) return; // a start reports its own failure
    if (!result.ok && result.reason !== before) this.settings.logger.warn(`${this.name}: source check failed (${result.reason})`);
    if (result.ok && before) this.settings.logger.log(`${this.name}: source reachable again`);
  }

  state(): PathState {
    const now = Date.now();
    const bytes = this.finishedRunsBytes + (this.watch?.bytes ?? 0);
    let bitrateKbps: number | null = null;
    const previous = this.lastStateRead;
    if (this.process && previous && now - previous.at >= 500) {
      bitrateKbps = Math.round(((bytes - previous.bytes) * 8) / (now - previous.at));
    }
    if (!previous || now - previous.at >= 500) this.lastStateRead = { bytes, at: now };
    const health = pathHealth({
      running: this.process !== null,
      pending: this.starting !== null || this.restartTimer !== null,
      lastSegmentAt: this.watch?.lastSegmentAt ?? null,
      segmentSeconds: Math.max(this.watch?.targetDurationS ?? 0, this.settings.segmentSeconds),
      lastOutcome: this.outcome,
    }, now);
    const sourceReachable = this.outcome === null ? null : this.outcome.ok;
    return { name: this.name, ...health, readers: this.readers.count(now), bytesReceived: bytes, bitrateKbps, sourceReachable };
  }

  private async launch(): Promise<void> {
    for (;;) {
      const version = this.sourceVersion;
      const plan = await this.mediaPlan();
      if (this.stopping) await this.stopping;
      if (!this.wanted || this.closed || this.process) return;
      if (version !== this.sourceVersion) continue;
      if (!plan.ok) return this.fail(plan.reason, 0);
      await rm(this.settings.directory, { recursive: true, force: true });
      await mkdir(this.settings.directory, { recursive: true, mode: 0o750 });
      if (this.stopping) await this.stopping;
      if (!this.wanted || this.closed || this.process) return;
      if (version !== this.sourceVersion) continue;
      return this.spawn(plan);
    }
  }

  private mediaPlan(): Promise<ProbeResult> {
    const cached = this.plan;
    if (cached && cached.version === this.sourceVersion && Date.now() - cached.at < PLAN_TTL_MS) {
      return Promise.resolve({ ok: true, ...cached.plan });
    }
    return this.probe();
  }

  private spawn(plan: MediaPlan): void {
    const { directory, segmentSeconds, playlistSize, socketTimeoutMs } = this.settings;
    const args = ffmpegArgs(this.spec.source, plan, { directory, segmentSeconds, playlistSize }, socketTimeoutMs);
    const proc = new FfmpegProcess(this.settings.ffmpegPath, args);
    this.process = proc;
    this.mode = encodeModeFor(plan);
    this.firstSegmentAt = null;
    this.watch = new HlsOutputWatch(directory, segmentSeconds);
    this.pollTimer = setInterval(() => void this.pollOutput(), POLL_INTERVAL_MS);
    this.pollTimer.unref();
    this.settings.logger.log(`${this.name}: ffmpeg ${proc.pid ?? '?'} started (${this.mode} ${plan.videoCodec}) from ${redactCredentials(this.spec.source.url, this.spec.source)}`);
    void proc.exited.then((exit) => this.onExit(proc, exit));
  }

  private async pollOutput(): Promise<void> {
    const watch = this.watch;
    if (this.polling || !watch) return;
    this.polling = true;
    try {
      const fresh = await watch.poll();
      if (fresh && watch === this.watch && this.firstSegmentAt === null) {
        this.firstSegmentAt = Date.now();
        this.outcome = { ok: true };
        this.events.emit('segment');
      }
    } finally {
      this.polling = false;
    }
  }

  private onExit(proc: FfmpegProcess, exit: FfmpegExit): void {
    if (proc !== this.process) return;
    const healthyMs = this.firstSegmentAt === null ? 0 : Date.now() - this.firstSegmentAt;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.finishedRunsBytes += this.watch?.bytes ?? 0;
    this.watch = null;
    this.process = null;
    this.firstSegmentAt = null;
    if (exit.requested) return;
    const reason = failureReason({ ...exit, elapsedMs: exit.ranMs }, sourceKind(this.spec.source.url), this.settings.socketTimeoutMs);
    const detail = redactCredentials(lastLines(exit.output, 3), this.spec.source);
    this.fail(reason, healthyMs, `ffmpeg exited (${reason})${detail ? `: ${detail}` : ''}`);
  }

  private fail(reason: string, healthyMs: number, message = `source check failed (${reason})`): void {
    this.outcome = { ok: false, reason };
    this.events.emit('failed', reason);
    if (!this.wanted || this.closed) return this.settings.logger.warn(`${this.name}: ${message}`);
    const delayMs = this.backoff.nextDelayMs(healthyMs);
    this.settings.logger.warn(`${this.name}: ${message}; restarting in ${delayMs / 1000} s`);
    this.scheduleRestart(delayMs);
  }

  private scheduleRestart(delayMs: number): void {
    this.cancelRestart();
    this.restartAt = Date.now() + delayMs;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.wanted && !this.closed) void this.start();
    }, delayMs);
    this.restartTimer.unref();
  }

  private cancelRestart(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
  }

  private async halt(): Promise<void> {
    const proc = this.process;
    if (proc) {
      await proc.stop(this.settings.stopGraceMs);
      this.onExit(proc, await proc.exited);
      this.settings.logger.log(`${this.name}: ffmpeg stopped`);
    }
    await rm(this.settings.directory, { recursive: true, force: true });
  }

  private waitForFirstSegment(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const settle = (error?: StreamStartError) => {
        clearTimeout(timer);
        this.events.off('segment', onSegment).off('failed', onFailed).off('closed', onClosed);
        if (error) reject(error);
        else resolve();
      };
      const onSegment = () => settle();
      const onFailed = (reason: string) => settle(new StreamStartError('failed', reason));
      const onClosed = () => settle(new StreamStartError('gone', 'path removed'));
      const timer = setTimeout(() => settle(new StreamStartError('timeout', this.failureReason ?? 'no segment yet')), timeoutMs);
      this.events.on('segment', onSegment).on('failed', onFailed).on('closed', onClosed);
    });
  }
}

function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join(' | ');
}
