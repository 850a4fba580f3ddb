import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { deleteRedisPrefix } from './redis-cleanup';
import { createTestVhost, TestVhost } from './test-broker';
import { createTestDatabase, TestDatabase } from './test-database';

/**
 * `npm run up` for real in tests: scripts/up.mjs --no-build starts the api, streaming (embedded
 * HLS engine), ai-detection, nginx and HAProxy on this machine, on a database, RabbitMQ vhost and
 * Redis key prefix of their own (the machine's `vms` database may hold another admin). Needs the
 * builds (`npm test` makes them before jest runs) and PostgreSQL, Redis and RabbitMQ on localhost.
 */

export const ROOT = path.resolve(__dirname, '..', '..');
export const EDGE = 'http://localhost:8080';
export const STACK_PORTS = [3000, 3001, 3002, 8080, 8081, 8443, 8404, 8888];
const BUILT = [
  'dist/apps/api/apps/api/src/main.js',
  'dist/apps/api/apps/api/src/migrate.js',
  'dist/apps/streaming/apps/streaming/src/main.js',
  'dist/apps/ai-detection/apps/ai-detection/src/main.js',
  'frontend/dist/index.html',
];

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export interface LocalStack {
  /** var/local.env: admin credentials, stats credentials, secrets. */
  secrets: Record<string, string>;
  pid: number;
  exited: Promise<Exit>;
  /** Everything up.mjs printed so far. */
  output(): string;
  /** Stops the stack (if still running), then drops the database, vhost and Redis keys. */
  dispose(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The promise's value, or null after ms (the timer is cleared either way, so jest can exit). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

function parseEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw.trim());
    if (match) values[match[1]] = match[2];
  }
  return values;
}

/** true when something accepts TCP connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(2000, () => { socket.destroy(); resolve(false); });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

export async function listeningPorts(): Promise<number[]> {
  const open = await Promise.all(STACK_PORTS.map(async (port) => ((await listening(port)) ? port : null)));
  return open.filter((port): port is number => port !== null);
}

/** Starts the stack and waits until HAProxy answers /api/health with every port open. */
export async function startLocalStack(env: Record<string, string> = {}): Promise<LocalStack> {
  const missing = BUILT.filter((file) => !existsSync(path.join(ROOT, file)));
  if (missing.length) {
    throw new Error(`the local stack needs the builds, missing: ${missing.join(', ')}. Run npm run build:all (npm test does it before jest).`);
  }
  const taken = await listeningPorts();
  if (taken.length) throw new Error(`ports already in use: ${taken.join(', ')}; stop whatever runs there (another npm run up?) first`);

  const db: TestDatabase = await createTestDatabase();
  const vhost: TestVhost = await createTestVhost();
  const redisPrefix = `vms-test:${randomBytes(5).toString('hex')}:`;
  const isolation = { DATABASE_URL: db.url, RABBITMQ_URL: vhost.url, REDIS_KEY_PREFIX: redisPrefix };

  // Own process group (detached), so dispose() can reach up.mjs and whatever it left in it.
  const up: ChildProcess = spawn(process.execPath, ['scripts/up.mjs', '--no-build'], {
    cwd: ROOT, env: { ...process.env, ...isolation, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  up.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  up.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => up.once('exit', (code, signal) => resolve({ code, signal })));
  const running = () => up.exitCode === null && up.signalCode === null;

  const dispose = async () => {
    if (up.pid && running()) {
      process.kill(up.pid, 'SIGINT');
      if ((await within(exited, 20_000)) === null) {
        try { process.kill(-up.pid, 'SIGKILL'); } catch { /* gone */ }
      }
    }
    await db.drop();
    await vhost.delete();
    await deleteRedisPrefix(redisPrefix);
  };

  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (!running()) throw new Error(`scripts/up.mjs exited before the stack was up:\n${output}`);
      try {
        const response = await fetch(`${EDGE}/api/health`, { signal: AbortSignal.timeout(3000) });
        if (response.status === 200 && output.includes('VMS local stack is up') && (await listeningPorts()).length === STACK_PORTS.length) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`the stack did not answer on ${EDGE}/api/health within 180 s:\n${output}`);
      await sleep(1000);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  const secrets = parseEnv(readFileSync(path.join(ROOT, 'var', 'local.env'), 'utf8'));
  return { secrets, pid: up.pid!, exited, output: () => output, dispose };
}
