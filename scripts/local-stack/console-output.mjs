// Terminal output of `npm run up`: one short line per step, errors that say what to do.

export class StackError extends Error {
  /**
   * @param {string} message what went wrong
   * @param {{hint?: string, details?: string, service?: string}} [extra] what to do, more text,
   *   and the stack process it concerns (its log tail is shown)
   */
  constructor(message, { hint, details, service } = {}) {
    super(message);
    this.hint = hint;
    this.details = details;
    this.service = service;
  }
}

export const say = (message) => process.stdout.write(`[up] ${message}\n`);
export const warn = (message) => process.stdout.write(`[up] WARNING: ${message}\n`);

export function printError(error) {
  if (error instanceof StackError) {
    process.stderr.write(`\n[up] ERROR: ${error.message}\n`);
    if (error.details) process.stderr.write(`${error.details.replace(/\s+$/, '')}\n`);
    if (error.hint) process.stderr.write(`[up] ${error.hint}\n`);
  } else {
    process.stderr.write(`\n[up] unexpected error: ${error?.stack ?? error}\n`);
  }
}

/** Draws lines of text in a box. */
export function printBox(lines) {
  const width = Math.max(...lines.map((line) => line.length));
  const out = [`┌${'─'.repeat(width + 2)}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${'─'.repeat(width + 2)}┘`];
  process.stdout.write(`\n${out.join('\n')}\n\n`);
}
