// The last lines of a log file, to show next to an error.
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

const MAX_LINE = 240;

export function logTail(file, lines = 20) {
  if (!existsSync(file)) return '(no log written)';
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const tail = buffer.toString('utf8').replace(/\s+$/, '').split('\n').slice(-lines);
    return tail.length && tail[0] !== '' ? tail.map((line) => `    | ${line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line}`).join('\n') : '(log is empty)';
  } finally {
    closeSync(fd);
  }
}
