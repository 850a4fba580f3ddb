import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export function builtEntry(app: string, file = 'main.js'): string {
  const entry = path.join(ROOT, 'dist/apps', app, 'apps', app, 'src', file);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does)`);
  return entry;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RunningService {
  process: ChildProcess;
  output(): string;
  /** Exit code, or the signal name when it ended by a signal (Nest re-raises SIGTERM after its shutdown hooks). */
  exited: Promise<number | string | null>;
}

/** Runs a built service the way production does: `node dist/.../main.js` with only the given environment. */
export function runBuiltService(app: string, env: Record<string, string>): RunningService {
  let output = '';
  const child = spawn(process.execPath, [builtEntry(app)], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return { process: child, output: () => output, exited };
}

export async function waitForHttp(url: string, timeoutMs = 30000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 in time`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
