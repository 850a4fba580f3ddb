// Running external commands: finding them on PATH, and running them with output in a log file.
import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, openSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { paths } from './paths.mjs';

// Debian keeps haproxy, nginx and the database daemons in sbin, which a non-root PATH may lack.
const EXTRA_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** Absolute path of an executable, or undefined when it is not installed. */
export function findExecutable(name) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export const isRoot = () => process.getuid?.() === 0;

/**
 * Spawns a command with stdout and stderr appended to logFile (the terminal when logFile is
 * omitted). detached puts it in its own process group, out of reach of the terminal's Ctrl-C.
 * Returns the child and a promise of {code, signal}.
 */
export function spawnLogged(command, args, { logFile, env = process.env, cwd = paths.repoRoot, detached = false } = {}) {
  const fd = logFile ? openSync(logFile, 'a') : undefined;
  const stdio = fd === undefined ? 'inherit' : ['ignore', fd, fd];
  const child = spawn(command, args, { cwd, env, stdio, detached });
  if (fd !== undefined) closeSync(fd);
  const exited = new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, exited };
}

/** Runs a command to completion; resolves to {code, signal, error?}. */
export const runCommand = (command, args, options) => spawnLogged(command, args, options).exited;

export const describeExit = ({ code, signal, error }) =>
  error ? `could not start (${error.code ?? error.message})` : signal ? `killed by ${signal}` : `exit code ${code}`;
