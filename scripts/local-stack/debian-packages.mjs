// Installing the Debian packages the local stack needs (root only; otherwise say the command).
import { StackError, say } from './console-output.mjs';
import { findExecutable, isRoot, runCommand } from './run-command.mjs';

const aptEnv = () => ({ ...process.env, DEBIAN_FRONTEND: 'noninteractive' });

export const installCommand = (packages) => `${isRoot() ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`;

/** apt-get install; runs `apt-get update` and retries once when the first try fails. */
export async function installDebianPackages(packages) {
  say(`installing Debian packages: ${packages.join(' ')}`);
  const install = () => runCommand('apt-get', ['install', '-y', ...packages], { env: aptEnv() });
  if ((await install()).code === 0) return;
  say('apt-get install failed; running apt-get update and trying again');
  await runCommand('apt-get', ['update'], { env: aptEnv() });
  if ((await install()).code === 0) return;
  throw new StackError(`could not install ${packages.join(' ')}`, { hint: `Install them by hand: ${installCommand(packages)}` });
}

/**
 * Makes sure each {command, pkg} is installed: installs the missing ones as root, otherwise
 * stops with the command to run.
 */
export async function ensureCommandsInstalled(requirements) {
  const missing = requirements.filter(({ command }) => !findExecutable(command));
  if (!missing.length) return;
  const packages = [...new Set(missing.map(({ pkg }) => pkg))];
  const names = missing.map(({ command }) => command).join(', ');
  if (!isRoot()) {
    throw new StackError(`${names} not installed`, { hint: `Run: ${installCommand(packages)}   then npm run up again` });
  }
  await installDebianPackages(packages);
  const stillMissing = missing.filter(({ command }) => !findExecutable(command));
  if (stillMissing.length) {
    throw new StackError(`${stillMissing.map(({ command }) => command).join(', ')} still missing after apt-get install`);
  }
}
