import { ChildProcess, spawn } from 'node:child_process';

export interface FfmpegExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the engine asked it to stop (idle, delete, source change, close). */
  requested: boolean;
  spawnError?: string;
  /** The tail of its stderr; it may contain the source URL with credentials: redact before showing it. */
  output: string;
  ranMs: number;
}

const OUTPUT_TAIL = 8 * 1024;

/** One running ffmpeg: its pid, the tail of its stderr, and a stop that escalates from SIGTERM to SIGKILL. */
export class FfmpegProcess {
  readonly startedAt = Date.now();
  readonly exited: Promise<FfmpegExit>;
  private readonly child: ChildProcess;
  private output = '';
  private stopRequested = false;
  private done = false;

  constructor(ffmpegPath: string, args: string[]) {
    this.child = spawn(ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-OUTPUT_TAIL);
    });
    this.exited = new Promise((resolve) => {
      const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError?: string) => {
        if (this.done) return;
        this.done = true;
        resolve({ code, signal, spawnError, requested: this.stopRequested, output: this.output, ranMs: Date.now() - this.startedAt });
      };
      this.child.on('error', (error: NodeJS.ErrnoException) => finish(null, null, error.code ?? error.message));
      this.child.on('close', (code, signal) => finish(code, signal));
    });
  }

  get pid(): number | null {
    return this.done ? null : this.child.pid ?? null;
  }

  get alive(): boolean {
    return !this.done;
  }

  /** SIGTERM, then SIGKILL if it is still there after `graceMs`; resolves once it has exited. */
  async stop(graceMs: number): Promise<FfmpegExit> {
    this.stopRequested = true;
    if (!this.done) {
      this.child.kill('SIGTERM');
      const escalate = setTimeout(() => { if (!this.done) this.child.kill('SIGKILL'); }, graceMs);
      await this.exited;
      clearTimeout(escalate);
    }
    return this.exited;
  }
}
