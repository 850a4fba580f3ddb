// What the local stack runs: the migration, the three NestJS apps, nginx and HAProxy, with
// their commands, environments, ports and readiness URLs.
import { existsSync } from 'node:fs';
import { builtFiles } from './build.mjs';
import { readEnvFile } from './env-file.mjs';
import { paths } from './paths.mjs';
import { findExecutable } from './run-command.mjs';

/** The local infrastructure; the environment may point the stack elsewhere (tests give it a database and vhost of its own). */
export const INFRASTRUCTURE_URLS = {
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vms',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  RABBITMQ_URL: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
};

export const PUBLIC_URLS = {
  http: 'http://localhost:8080',
  https: 'https://localhost:8443',
  stats: 'http://localhost:8404/stats',
};

const NGINX_PORT = 8081;

function appEnvironment(secrets, port, extra = {}) {
  return {
    ...process.env,
    JWT_SECRET: secrets.JWT_SECRET,
    STREAMING_INTERNAL_TOKEN: secrets.STREAMING_INTERNAL_TOKEN,
    ...INFRASTRUCTURE_URLS,
    PORT: String(port),
    ...extra,
  };
}

function apiExtras(secrets) {
  const fileRoots = [paths.repoMedia, ...(existsSync(paths.sharedMedia) ? [paths.sharedMedia] : [])];
  return {
    CAMERA_CREDENTIALS_KEY: secrets.CAMERA_CREDENTIALS_KEY,
    ADMIN_EMAIL: secrets.ADMIN_EMAIL,
    ADMIN_PASSWORD: secrets.ADMIN_PASSWORD,
    CAMERA_ALLOW_PRIVATE_NETWORKS: 'true',
    CAMERA_FILE_ROOTS: fileRoots.join(','),
    MEDIA_ROOT: paths.media,
  };
}

/** The one-shot database migration, run before the api starts. */
export const migrationTask = (secrets) => ({
  command: process.execPath,
  args: [builtFiles.apiMigrate],
  env: appEnvironment(secrets, 3000, apiExtras(secrets)),
});

/**
 * Long-running processes in start order. HAProxy comes last (`afterBackends`), once the
 * backends answer, so its health checks find them up from the first probe.
 */
export function stackServices(secrets, nginxConfig) {
  return [
    {
      name: 'api',
      ports: [3000],
      readyUrls: ['http://127.0.0.1:3000/health/ready'],
      command: process.execPath,
      args: [builtFiles.apiMain],
      env: appEnvironment(secrets, 3000, apiExtras(secrets)),
    },
    {
      name: 'streaming',
      // 8888: the embedded engine's HLS server, where HAProxy sends /hls (as MediaMTX's in compose).
      ports: [3001, 8888],
      readyUrls: ['http://127.0.0.1:3001/health/ready'],
      command: process.execPath,
      args: [builtFiles.streamingMain],
      env: appEnvironment(secrets, 3001, {
        MEDIA_ROOT: paths.media,
        MEDIA_SERVER: 'embedded',
        HLS_PORT: '8888',
        HLS_ROOT: paths.hls,
        API_INTERNAL_URL: 'http://127.0.0.1:3000',
      }),
    },
    {
      name: 'ai-detection',
      ports: [3002],
      readyUrls: ['http://127.0.0.1:3002/health/ready'],
      command: process.execPath,
      args: [builtFiles.aiDetectionMain],
      env: appEnvironment(secrets, 3002, {
        MEDIA_ROOT: paths.media,
        MEDIA_HLS_URL: 'http://127.0.0.1:8888',
        API_INTERNAL_URL: 'http://127.0.0.1:3000',
      }),
    },
    {
      name: 'nginx',
      ports: [NGINX_PORT],
      readyUrls: [`http://127.0.0.1:${NGINX_PORT}/healthz`],
      command: findExecutable('nginx') ?? 'nginx',
      // The template says `daemon off;` itself; -p keeps nginx's relative paths inside var/nginx
      // and -e sends its startup errors to the log instead of /var/log/nginx.
      args: ['-e', 'stderr', '-p', paths.nginxPrefix, '-c', nginxConfig],
      env: process.env,
    },
    {
      name: 'haproxy',
      afterBackends: true,
      ports: [8080, 8443, 8404],
      readyUrls: [`${PUBLIC_URLS.http}/`, `${PUBLIC_URLS.http}/api/health`],
      command: findExecutable('haproxy') ?? 'haproxy',
      args: ['-f', paths.haproxyConfig, '-db'],
      env: {
        ...process.env,
        ...readEnvFile(paths.haproxyLocalEnv),
        HAPROXY_CERT: paths.tlsPem,
        HAPROXY_STATS_USER: secrets.HAPROXY_STATS_USER,
        HAPROXY_STATS_PASSWORD: secrets.HAPROXY_STATS_PASSWORD,
      },
    },
  ];
}

export const allPorts = (services) => services.flatMap((service) => service.ports.map((port) => ({ port, name: service.name })));
