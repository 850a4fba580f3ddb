#!/usr/bin/env node
// `npm run up`: the whole VMS on this machine without Docker (ARCHITECTURE.md, "Two ways to
// run"). Installs and builds what is missing, checks PostgreSQL/Redis/RabbitMQ, prepares
// var/ (secrets, certificate, media, logs), then runs the api, streaming, ai-detection,
// nginx and HAProxy as child processes until Ctrl-C. Plain Node: it runs before npm ci.
import { parseCliOptions, printUsage } from './local-stack/cli-options.mjs';
import { StackError, printError, say, warn } from './local-stack/console-output.mjs';
import { ensureCommandsInstalled } from './local-stack/debian-packages.mjs';
import { ensureInfrastructure } from './local-stack/infrastructure.mjs';
import { ensureNodeDependencies } from './local-stack/node-dependencies.mjs';
import { buildAll } from './local-stack/build.mjs';
import { ensureDatabase } from './local-stack/database.mjs';
import { loadLocalSecrets } from './local-stack/local-secrets.mjs';
import { ensureTlsCertificate } from './local-stack/tls-certificate.mjs';
import { renderNginxConfig } from './local-stack/nginx-config.mjs';
import { assertPortsFree } from './local-stack/port-check.mjs';
import { INFRASTRUCTURE_URLS, allPorts, migrationTask, stackServices } from './local-stack/stack-services.mjs';
import { ProcessSupervisor } from './local-stack/process-supervisor.mjs';
import { waitUntilReady } from './local-stack/readiness.mjs';
import { adminCredentialsWork } from './local-stack/admin-login-check.mjs';
import { printSummary } from './local-stack/summary.mjs';
import { addDemoCameras } from './local-stack/demo-cameras.mjs';
import { logTail } from './local-stack/log-tail.mjs';
import { createStateDirectories, logFileOf, paths, shown } from './local-stack/paths.mjs';
import { describeExit } from './local-stack/run-command.mjs';
import { onParentGone } from './local-stack/parent-watch.mjs';

const READY_TIMEOUT_MS = 90_000;
const NGINX_PORT = 8081;

const supervisor = new ProcessSupervisor((name, exit) => {
  fail(new StackError(`${name} exited unexpectedly (${describeExit(exit)})`, { service: name }));
});

let shuttingDown = false;

async function shutdown(exitCode) {
  if (shuttingDown) return;
  shuttingDown = true;
  await supervisor.stopAll();
  process.exit(exitCode);
}

function fail(error) {
  if (shuttingDown) return;
  if (error instanceof StackError && error.service && !error.details) {
    error.details = `last lines of ${shown(logFileOf(error.service))}:\n${logTail(logFileOf(error.service))}`;
  }
  printError(error);
  void shutdown(1);
}

function stopOnRequest(reason) {
  if (shuttingDown) return;
  say(`${reason}: stopping`);
  void shutdown(0);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopOnRequest(signal));
onParentGone(() => stopOnRequest('parent process (npm) gone'));

async function main() {
  const options = parseCliOptions(process.argv.slice(2));
  if (options.help) return printUsage();

  createStateDirectories();
  const secrets = loadLocalSecrets();
  const services = stackServices(secrets, paths.nginxConfig);
  await assertPortsFree(allPorts(services));

  await ensureCommandsInstalled([
    { command: 'haproxy', pkg: 'haproxy' },
    { command: 'nginx', pkg: 'nginx' },
    { command: 'openssl', pkg: 'openssl' },
  ]);
  await ensureInfrastructure();
  await ensureNodeDependencies(supervisor);
  await buildAll(supervisor, { rebuild: options.build });
  await ensureDatabase(INFRASTRUCTURE_URLS.DATABASE_URL);
  await ensureTlsCertificate();
  renderNginxConfig(NGINX_PORT);
  // The builds take minutes: something may have taken a port meanwhile.
  await assertPortsFree(allPorts(services));

  const migration = await supervisor.run('migrate', migrationTask(secrets));
  if (migration.code !== 0) throw new StackError(`database migration failed (${describeExit(migration)})`, { service: 'migrate' });
  say(`migrate: ${logTail(logFileOf('migrate'), 1).replace(/^\s*\|\s*/, '')}`);

  // HAProxy starts once the backends answer, so its first health checks already find them up.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const announceReady = (name) => say(`${name}: ready`);
  const backends = services.filter((service) => !service.afterBackends);
  const edge = services.filter((service) => service.afterBackends);
  for (const service of backends) supervisor.start(service.name, service);
  await waitUntilReady(backends, deadline, announceReady);
  for (const service of edge) supervisor.start(service.name, service);
  await waitUntilReady(edge, deadline, announceReady);
  if (shuttingDown) return;

  const adminLoginWorks = await adminCredentialsWork(secrets.ADMIN_EMAIL, secrets.ADMIN_PASSWORD);
  if (!adminLoginWorks) {
    warn(
      `the api does not accept ${secrets.ADMIN_EMAIL} with the password from var/local.env: the database already had an admin ` +
        '(the api only creates one when there is none). Log in with the credentials that created it, or start over with ' +
        'an empty database: dropdb -h 127.0.0.1 -U postgres vms',
    );
  }
  if (options.demo && adminLoginWorks) {
    try {
      const created = await addDemoCameras(secrets);
      say(created.length > 0 ? `demo cameras added: ${created.join(', ')}` : 'demo cameras already there');
    } catch (error) {
      warn(`demo cameras not added: ${error.message}`);
    }
  }
  printSummary({ secrets, adminLoginWorks, exitWhenReady: options.exitWhenReady });
  if (options.exitWhenReady) await shutdown(0);
}

main().catch(fail);
