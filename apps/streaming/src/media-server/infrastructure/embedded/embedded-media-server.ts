import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { MediaServer, PathSpec, PathState, StreamAccessPolicy } from '../../media-server.port';
import { EmbeddedEngineOptions, ResolvedEngineOptions, resolveEngineOptions } from './embedded-engine.options';
import { HlsHttpServer } from './hls-http-server';
import { InvalidPathNameError, isValidPathName } from './path-name';
import { EngineLogger, PathRunner, ProcessInfo } from './path-runner';
import { sourceKind } from './source-url';
import { StreamStartError } from './stream-start.error';

const SWEEP_INTERVAL_MS = 1000;
const MAX_SCHEDULED_PROBES = 2;
const INTERNAL_READER = 'internal';

/**
 * The media server of the local stack and tests: one on-demand ffmpeg per read path, writing
 * HLS under `hlsRoot`, served by its own HTTP server with stream-token checks.
 */
export class EmbeddedMediaServer extends MediaServer implements OnApplicationShutdown {
  readonly kind = 'embedded' as const;
  private readonly options: ResolvedEngineOptions;
  private readonly logger: EngineLogger;
  private readonly runners = new Map<string, PathRunner>();
  private readonly http: HlsHttpServer;
  private sweepTimer: NodeJS.Timeout | null = null;
  private scheduledProbes = 0;
  private boundPort = 0;

  constructor(options: EmbeddedEngineOptions, accessPolicy: StreamAccessPolicy) {
    super();
    this.options = resolveEngineOptions(options);
    this.logger = options.logger ?? new Logger(EmbeddedMediaServer.name);
    this.http = new HlsHttpServer({
      has: (name) => this.runners.has(name),
      ensureServing: (name, reader) => this.runnerOrGone(name).ensureServing(reader, this.options.startTimeoutMs),
      read: (name, reader) => {
        const runner = this.runners.get(name);
        // Segment reads keep a wanted path alive; only a playlist read starts a stopped one.
        if (runner?.wantsToRun) runner.read(reader);
      },
      directoryOf: (name) => this.directoryOf(name),
    }, accessPolicy);
  }

  /** The HLS server's port (useful when `httpPort` was 0). */
  get port(): number {
    return this.boundPort;
  }

  /** Creates `hlsRoot`, starts the HLS server and the idle/probe sweep. */
  async start(): Promise<void> {
    await mkdir(this.options.hlsRoot, { recursive: true, mode: 0o750 });
    this.boundPort = await this.http.listen(this.options.httpPort, this.options.httpHost);
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
    this.logger.log(`HLS server on ${this.options.httpHost}:${this.boundPort}, segments under ${this.options.hlsRoot}`);
  }

  async upsertPath(spec: PathSpec): Promise<void> {
    if (!isValidPathName(spec.name)) throw new InvalidPathNameError(spec.name);
    sourceKind(spec.source.url);
    const existing = this.runners.get(spec.name);
    if (!existing) {
      this.runners.set(spec.name, new PathRunner(spec, { ...this.options, directory: this.directoryOf(spec.name), logger: this.logger }));
      this.sweep();
      return;
    }
    if (await existing.update(spec)) this.sweep();
  }

  async deletePath(name: string): Promise<void> {
    const runner = this.runners.get(name);
    if (!runner) return;
    this.runners.delete(name);
    await runner.dispose();
  }

  async listPaths(): Promise<string[]> {
    return [...this.runners.keys()];
  }

  async pathStates(): Promise<PathState[]> {
    return [...this.runners.values()].map((runner) => runner.state());
  }

  /** Checks an idle path's source now (a running path's state already says how it is); null for an unknown path. */
  async probePath(name: string): Promise<PathState | null> {
    const runner = this.runners.get(name);
    if (!runner) return null;
    if (!runner.running) await runner.probe();
    return runner.state();
  }

  /** For a reader inside the system (the AI service): starts the path if needed and waits for its first playlist. */
  async ensureRunning(name: string, timeoutMs = this.options.startTimeoutMs): Promise<void> {
    await this.runnerOrGone(name).ensureServing(INTERNAL_READER, timeoutMs);
  }

  /** Counts as a read: keeps a running path from going idle, starts a stopped one. */
  keepAlive(name: string): void {
    this.runners.get(name)?.keepAlive(INTERNAL_READER);
  }

  /** Paths with an ffmpeg process right now. */
  runningPaths(): string[] {
    return [...this.runners.values()].filter((runner) => runner.running).map((runner) => runner.name);
  }

  /** The path's ffmpeg (pid for CPU/memory sampling from /proc, remux or transcode), or null when it is not running. */
  processInfo(name: string): ProcessInfo | null {
    return this.runners.get(name)?.processInfo ?? null;
  }

  /** Stops the HLS server and every process, and removes their HLS directories. */
  async close(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
    await this.http.close();
    const runners = [...this.runners.values()];
    this.runners.clear();
    await Promise.all(runners.map((runner) => runner.dispose()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  private directoryOf(name: string): string {
    return path.join(this.options.hlsRoot, name);
  }

  private runnerOrGone(name: string): PathRunner {
    const runner = this.runners.get(name);
    if (!runner) throw new StreamStartError('gone', 'no such path');
    return runner;
  }

  /** Stops paths nobody read for the idle timeout; probes idle paths that are due (a new path at once). */
  private sweep(): void {
    const now = Date.now();
    const idleMs = this.options.idleTimeoutSeconds * 1000;
    for (const runner of this.runners.values()) {
      if (runner.wantsToRun && runner.unreadForMs(now) > idleMs) {
        this.logger.log(`${runner.name}: no reader for ${this.options.idleTimeoutSeconds} s, stopping`);
        void runner.stop();
      } else if (!runner.busy && now - runner.lastProbeAt >= this.options.probeIntervalMs && this.scheduledProbes < MAX_SCHEDULED_PROBES) {
        this.scheduledProbes += 1;
        void runner.probe().finally(() => { this.scheduledProbes -= 1; });
      }
    }
  }
}
