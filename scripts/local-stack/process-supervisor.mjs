// The processes `npm run up` starts: each in its own process group with its own log file,
// watched for unexpected exits, and stopped together (SIGTERM, then SIGKILL after 5 s).
import { writeFileSync } from 'node:fs';
import { logFileOf, shown } from './paths.mjs';
import { describeExit, spawnLogged } from './run-command.mjs';
import { say } from './console-output.mjs';

const KILL_AFTER_MS = 5000;

export class ProcessSupervisor {
  #children = new Map();
  #stopping = false;
  #onUnexpectedExit;

  /** @param {(name: string, exit: {code, signal, error?}) => void} onUnexpectedExit */
  constructor(onUnexpectedExit) {
    this.#onUnexpectedExit = onUnexpectedExit;
  }

  /** Starts a long-running process; its exit before stopAll() is reported as unexpected. */
  start(name, { command, args, env }) {
    const { child, exited } = this.#spawn(name, command, args, env);
    if (child?.pid) say(`${name}: started (pid ${child.pid}), log ${shown(logFileOf(name))}`);
    exited.then((exit) => {
      if (!this.#stopping) this.#onUnexpectedExit(name, exit);
    });
    return exited;
  }

  /** Runs a task (build, migration) to completion; resolves to its {code, signal}. */
  run(name, { command, args, env }) {
    return this.#spawn(name, command, args, env).exited;
  }

  #spawn(name, command, args, env) {
    if (this.#stopping) return { exited: new Promise(() => {}) }; // shutting down: start nothing
    const logFile = logFileOf(name);
    writeFileSync(logFile, ''); // one run per log file
    const { child, exited } = spawnLogged(command, args, { logFile, env, detached: true });
    const entry = { name, child, exited, done: false };
    this.#children.set(name, entry);
    exited.then(() => {
      entry.done = true;
    });
    return { child, exited };
  }

  /** Stops everything still running; resolves once all of it has exited. */
  async stopAll() {
    this.#stopping = true;
    const running = [...this.#children.values()].filter((entry) => !entry.done && entry.child.pid);
    if (running.length) say(`stopping ${running.map((entry) => entry.name).join(', ')}`);
    await Promise.all(running.map((entry) => this.#stop(entry)));
  }

  async #stop(entry) {
    signalGroup(entry.child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      say(`${entry.name}: still running after ${KILL_AFTER_MS / 1000} s, sending SIGKILL`);
      signalGroup(entry.child.pid, 'SIGKILL');
    }, KILL_AFTER_MS);
    const exit = await entry.exited;
    clearTimeout(timer);
    // Whatever the process left in its group (nginx workers, ffmpeg...) goes with it.
    signalGroup(entry.child.pid, 'SIGKILL');
    say(`${entry.name}: stopped (${describeExit(exit)})`);
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
