import { spawn } from 'node:child_process';

export interface MediaToolRun {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The spawn error's code (ENOENT, ...) when the program could not start. */
  spawnError?: string;
}

export interface MediaToolOptions {
  /** Killed with SIGKILL after this long. */
  timeoutMs: number;
  /** Aborting kills the process; the run then ends with its signal. */
  signal?: AbortSignal;
  /** Output kept per stream; the rest is dropped (a misbehaving source must not fill memory). */
  maxOutputChars: number;
}

/** Runs ffprobe (or ffmpeg) to completion with a time limit and capped output; never rejects. */
export async function runMediaTool(command: string, args: string[], options: MediaToolOptions): Promise<MediaToolRun> {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeoutMs, killSignal: 'SIGKILL', signal: options.signal,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { if (stdout.length < options.maxOutputChars) stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { if (stderr.length < options.maxOutputChars) stderr += chunk.toString(); });
  const end = await new Promise<Omit<MediaToolRun, 'stdout' | 'stderr'>>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      // An abort is reported by 'close' with the kill signal.
      if (error.name !== 'AbortError') resolve({ code: null, signal: null, spawnError: error.code ?? error.message });
    });
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return { stdout, stderr, ...end };
}
