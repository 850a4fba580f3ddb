// PostgreSQL, Redis and RabbitMQ on localhost: found running, or started (and installed) as root
// with the same commands the build machines use (ARCHITECTURE.md, "What runs where").
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StackError, say } from './console-output.mjs';
import { installCommand, installDebianPackages } from './debian-packages.mjs';
import { logFileOf, shown } from './paths.mjs';
import { describeExit, findExecutable, isRoot, runCommand } from './run-command.mjs';
import { canConnect, waitForConnect } from './tcp-ports.mjs';

const POSTGRES_ETC = '/etc/postgresql';
const postgresVersions = () => (existsSync(POSTGRES_ETC) ? readdirSync(POSTGRES_ETC).sort() : []);

const SERVICES = [
  {
    name: 'PostgreSQL',
    port: 5432,
    pkg: 'postgresql',
    installed: () => postgresVersions().length > 0 && !!findExecutable('pg_ctlcluster'),
    startCommand: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    start: () => postgresVersions().map((version) => ['pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']]),
  },
  {
    name: 'Redis',
    port: 6379,
    pkg: 'redis-server',
    installed: () => !!findExecutable('redis-server'),
    startCommand:
      'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log',
    start: () => {
      for (const dir of ['/var/lib/redis', '/var/log/redis']) mkdirSync(dir, { recursive: true });
      return [
        ['redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no',
          '--dir', '/var/lib/redis', '--logfile', '/var/log/redis/ci.log']],
      ];
    },
  },
  {
    name: 'RabbitMQ',
    port: 5672,
    pkg: 'rabbitmq-server',
    installed: () => !!findExecutable('rabbitmq-server'),
    startCommand: 'rabbitmq-server -detached',
    start: () => [['rabbitmq-server', ['-detached']]],
  },
];

// RabbitMQ needs a while to boot its Erlang VM.
const START_TIMEOUT_MS = 90_000;

export async function ensureInfrastructure() {
  const reachable = await Promise.all(SERVICES.map((service) => canConnect(service.port)));
  const down = SERVICES.filter((_, index) => !reachable[index]);
  if (!down.length) {
    say('PostgreSQL :5432, Redis :6379, RabbitMQ :5672 are up');
    return;
  }
  const missing = down.filter((service) => !service.installed());
  if (!isRoot()) {
    const commands = [
      ...(missing.length ? [installCommand(missing.map((service) => service.pkg))] : []),
      ...down.map((service) => `sudo ${service.startCommand}`),
    ];
    throw new StackError(`${down.map((service) => `${service.name} (127.0.0.1:${service.port})`).join(', ')} not reachable`, {
      hint: `Run:\n    ${commands.join('\n    ')}\nthen npm run up again`,
    });
  }
  if (missing.length) {
    await installDebianPackages(missing.map((service) => service.pkg));
    if (missing.some((service) => service.pkg === 'postgresql')) await trustLocalPostgresConnections();
  }
  for (const service of down) await startService(service);
}

async function startService(service) {
  if (await canConnect(service.port)) return; // the package's post-install script may have started it
  say(`${service.name} is not running on 127.0.0.1:${service.port}; starting it: ${service.startCommand}`);
  const logFile = logFileOf('infrastructure');
  for (const [command, args] of service.start()) {
    const exit = await runCommand(findExecutable(command) ?? command, args, { logFile });
    if (exit.code !== 0) {
      throw new StackError(`${service.name} did not start: ${command} ${describeExit(exit)} (log ${shown(logFile)})`, {
        hint: `Start it by hand: ${service.startCommand}`,
      });
    }
  }
  if (!(await waitForConnect(service.port, START_TIMEOUT_MS))) {
    throw new StackError(`${service.name} was started but does not answer on 127.0.0.1:${service.port}`, {
      hint: `Check its own log (see ${shown(logFile)}) and start it by hand: ${service.startCommand}`,
    });
  }
  say(`${service.name} is up on 127.0.0.1:${service.port}`);
}

/**
 * A freshly installed Debian cluster asks for a password over TCP. The local stack connects as
 * postgres without one (as on the build machines), so allow that from loopback only.
 */
async function trustLocalPostgresConnections() {
  for (const version of postgresVersions()) {
    const hba = join(POSTGRES_ETC, version, 'main', 'pg_hba.conf');
    if (!existsSync(hba)) continue;
    const text = readFileSync(hba, 'utf8');
    if (/^host\s+all\s+all\s+127\.0\.0\.1\/32\s+trust/m.test(text)) continue;
    const rules = '# Added by npm run up (local stack): passwordless connections from this machine only.\n' +
      'host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n';
    writeFileSync(hba, rules + text);
    say(`${hba}: loopback connections trusted (local development cluster)`);
    // The package's post-install script may already have started the cluster.
    if (await canConnect(5432)) {
      await runCommand(findExecutable('pg_ctlcluster'), ['--skip-systemctl-redirect', version, 'main', 'reload'], { logFile: logFileOf('infrastructure') });
    }
  }
}
