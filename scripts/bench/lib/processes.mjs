// Child processes of a benchmark: the built services and the RTSP test camera. Each runs in its
// own process group (out of reach of the terminal's Ctrl-C, so the benchmark stops it in order),
// with its output in a log file, and is stopped by cleanUp() with SIGTERM, then SIGKILL.
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { onCleanup } from './cleanup.mjs';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const KILL_AFTER_MS = 10_000;

export function builtEntry(app) {
  const entry = path.join(REPO_ROOT, 'dist/apps', app, 'apps', app, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm run bench:streaming does)`);
  return entry;
}

export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a long-running child with stdout+stderr in logFile. Returns {pid, exited, stop, logFile};
 * stop() (also registered with cleanUp) ends its whole process group (ffmpeg children included).
 */
export function startProcess(name, command, args, { env, logFile }) {
  const fd = openSync(logFile, 'a');
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  let exit = null;
  const exited = new Promise((resolve) => {
    child.once('error', (error) => resolve((exit = { code: null, signal: null, error })));
    child.once('exit', (code, signal) => resolve((exit = { code, signal })));
  });
  const stop = onCleanup(`stop ${name}`, async () => {
    if (!child.pid) return;
    if (!exit) {
      signalGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), KILL_AFTER_MS);
      await exited;
      clearTimeout(timer);
    }
    signalGroup(child.pid, 'SIGKILL'); // whatever is left in its group (ffmpeg...)
  });
  return { name, pid: child.pid, exited, exitStatus: () => exit, stop, logFile };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Runs a built NestJS service (`node dist/.../main.js`) with exactly the given environment (plus PATH). */
export function startBuiltService(app, env, logFile) {
  return startProcess(app, process.execPath, [builtEntry(app)], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, logFile });
}

/** Waits until url answers 200; fails early when the process exits. */
export async function waitReady(service, url, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (service.exitStatus()) throw new Error(`${service.name} exited during startup (${describe(service.exitStatus())})\n${logTail(service.logFile)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${service.name}: ${url} did not answer 200 within ${timeoutMs / 1000} s\n${logTail(service.logFile)}`);
    await sleep(250);
  }
}

/** Starts the GStreamer RTSP test camera (test/support/rtsp_test_camera.py); resolves to {url, pid} once it accepts connections. */
export async function startRtspCamera(logFile, timeoutMs = 20_000) {
  const script = path.join(REPO_ROOT, 'test/support/rtsp_test_camera.py');
  const camera = startProcess('RTSP test camera', '/usr/bin/python3', [script], { env: process.env, logFile });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = /PORT (\d+)/.exec(readFileSync(logFile, 'utf8'));
    if (match) {
      const port = Number(match[1]);
      if (await canConnect(port)) return { ...camera, port, url: `rtsp://127.0.0.1:${port}/live` };
    }
    if (camera.exitStatus()) throw new Error(`the RTSP test camera exited (${describe(camera.exitStatus())}): ${logTail(logFile)}`);
    if (Date.now() > deadline) throw new Error(`the RTSP test camera did not start within ${timeoutMs / 1000} s: ${logTail(logFile)}`);
    await sleep(100);
  }
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(1000, () => { socket.destroy(); resolve(false); });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

export function logTail(logFile, lines = 30) {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

const describe = ({ code, signal, error }) => (error ? `could not start: ${error.message}` : signal ? `signal ${signal}` : `exit code ${code}`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Copies the named services' logs out of a run's temp dir (which goes away) next to its results, for whoever looks into a failure. */
export function keepServiceLogs(workDir, resultDir, prefix, names) {
  for (const name of names) {
    const source = path.join(workDir, `${name}.log`);
    if (existsSync(source)) copyFileSync(source, path.join(resultDir, `${prefix}-${name}.log`));
  }
  return path.join(path.relative(REPO_ROOT, resultDir), `${prefix}-*.log`);
}
