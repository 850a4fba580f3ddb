// node_modules: `npm ci` on a fresh checkout. onnxruntime-node's postinstall would try to
// download CUDA binaries; the CPU and WebGPU providers ship in the package, so skip it.
import { existsSync, readFileSync } from 'node:fs';
import { StackError, say, warn } from './console-output.mjs';
import { logFileOf, paths, shown } from './paths.mjs';
import { logTail } from './log-tail.mjs';
import { describeExit } from './run-command.mjs';

// npm 11 refuses a lock file that lacks other platforms' optional packages (npm/cli#8805),
// which happens when the lock was made from a registry mirror without them.
const LOCK_OUT_OF_SYNC = /can only install packages when your package\.json and package-lock\.json/;

/** @param {{ run: (name: string, spec: object) => Promise<object> }} supervisor */
export async function ensureNodeDependencies(supervisor) {
  if (existsSync(paths.nodeModules)) return;
  const env = { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' };
  const started = Date.now();
  say(`node_modules missing: running npm ci (a few minutes; log ${shown(logFileOf('npm-ci'))})`);
  let exit = await supervisor.run('npm-ci', { command: 'npm', args: ['ci', '--no-audit', '--no-fund'], env });
  let logName = 'npm-ci';
  if (exit.code !== 0 && LOCK_OUT_OF_SYNC.test(readFileSync(logFileOf('npm-ci'), 'utf8'))) {
    warn('npm ci refused package-lock.json (see var/log/npm-ci.log); installing the locked versions with npm install --no-save, which leaves package.json and package-lock.json untouched');
    logName = 'npm-install';
    exit = await supervisor.run(logName, { command: 'npm', args: ['install', '--no-save', '--no-audit', '--no-fund'], env });
  }
  if (exit.code !== 0) {
    throw new StackError(`installing node dependencies failed (${describeExit(exit)})`, { details: logTail(logFileOf(logName)) });
  }
  say(`node dependencies installed in ${Math.round((Date.now() - started) / 1000)} s`);
}
