// The flags of `npm run up`.
import { StackError } from './console-output.mjs';

const USAGE = `Usage: npm run up [-- <flags>]
  --no-build         do not rebuild (only what is missing in dist/ and frontend/dist is built)
  --exit-when-ready  start, wait until healthy, print the summary, stop everything, exit 0
  --demo             add demo cameras
  --help             this text`;

export function parseCliOptions(argv) {
  const options = { build: true, exitWhenReady: false, demo: false, help: false };
  for (const arg of argv) {
    if (arg === '--no-build') options.build = false;
    else if (arg === '--exit-when-ready') options.exitWhenReady = true;
    else if (arg === '--demo') options.demo = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new StackError(`unknown option ${arg}`, { details: USAGE });
  }
  return options;
}

export const printUsage = () => process.stdout.write(`${USAGE}\n`);
