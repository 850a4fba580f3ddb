// Undo-stack for everything a benchmark sets up: each step registers how to undo itself, and
// cleanUp() runs them newest first, once, whatever happened (a failure, Ctrl-C, SIGTERM).

const steps = [];
let running = null;

/** Registers an undo step; returns it so a caller can run it early (it then runs only once). */
export function onCleanup(label, undo) {
  const step = { label, undo, done: false };
  steps.push(step);
  return async () => runStep(step);
}

async function runStep(step) {
  if (step.done) return;
  step.done = true;
  try {
    await step.undo();
  } catch (error) {
    process.stderr.write(`[bench] cleanup: ${step.label} failed: ${error?.message ?? error}\n`);
  }
}

/** Runs every pending undo step, newest first; concurrent calls share one run. */
export function cleanUp() {
  running ??= (async () => {
    while (steps.length) await runStep(steps.pop());
  })();
  return running;
}

/**
 * Ctrl-C / SIGTERM / SIGHUP, and the parent (npm's `sh -c`) going away: clean up, then exit.
 * A second Ctrl-C while cleaning up is ignored (the cleanup itself is bounded by timeouts).
 */
export function cleanUpOnSignals(onSignal = () => {}) {
  let caught = false;
  const handle = (reason, code) => {
    if (caught) return;
    caught = true;
    onSignal(reason);
    process.stderr.write(`\n[bench] ${reason}: cleaning up\n`);
    cleanUp().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => handle('SIGINT', 130));
  process.on('SIGTERM', () => handle('SIGTERM', 143));
  process.on('SIGHUP', () => handle('SIGHUP', 129));
  const parent = process.ppid;
  if (parent > 1) {
    const timer = setInterval(() => {
      if (process.ppid !== parent) handle('parent process gone', 1);
    }, 1000);
    timer.unref();
  }
}

/** Runs a benchmark's main(), then cleans up; on failure prints the error and exits 1 after cleaning up. */
export async function runBenchmark(main) {
  try {
    await main();
    process.stdout.write('[bench] cleaning up\n');
    await cleanUp();
    process.stdout.write('[bench] done\n');
  } catch (error) {
    process.stderr.write(`\n[bench] FAILED: ${error?.stack ?? error}\n`);
    await cleanUp();
    process.exit(1);
  }
}
