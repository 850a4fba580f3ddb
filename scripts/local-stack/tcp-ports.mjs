// TCP checks: is something answering on a port, is a port free for us to listen on, and who holds it.
import { spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { findExecutable } from './run-command.mjs';

export function canConnect(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when nothing listens on the port (our processes all bind 0.0.0.0). */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** "nginx (pid 123)" for the process listening on a port, when `ss` can tell. */
export function portOwner(port) {
  const ss = findExecutable('ss');
  if (!ss) return undefined;
  const result = spawnSync(ss, ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  const match = /users:\(\("([^"]+)",pid=(\d+)/.exec(result.stdout ?? '');
  return match ? `${match[1]} (pid ${match[2]})` : undefined;
}

export async function waitForConnect(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}
