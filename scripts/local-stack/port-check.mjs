// Before starting: every port the stack listens on must be free; say which one is not.
import { StackError } from './console-output.mjs';
import { isPortFree, portOwner } from './tcp-ports.mjs';

/** @param {{port: number, name: string}[]} wanted */
export async function assertPortsFree(wanted) {
  const taken = [];
  for (const { port, name } of wanted) {
    if (!(await isPortFree(port))) taken.push({ port, name, owner: portOwner(port) });
  }
  if (!taken.length) return;
  const lines = taken.map(({ port, name, owner }) => `    port ${port} (for ${name}) is in use${owner ? ` by ${owner}` : ''}`);
  throw new StackError('ports needed by the local stack are taken', {
    details: lines.join('\n'),
    hint: 'Stop what holds them (another npm run up?), then run npm run up again.',
  });
}
