// `npm run up` runs us under `sh -c`. A SIGTERM sent to npm reaches that shell, which dies
// without passing it on; notice that our parent is gone and stop the stack too, instead of
// leaving it running with its ports taken.
export function onParentGone(callback, intervalMs = 1000) {
  const parent = process.ppid;
  if (parent <= 1) return;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    callback();
  }, intervalMs);
  timer.unref();
}
