// Where everything of the local stack lives: the repository and its git-ignored var/ directory.
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const varDir = join(repoRoot, 'var');

export const paths = {
  repoRoot,
  nodeModules: join(repoRoot, 'node_modules'),
  frontendDist: join(repoRoot, 'frontend', 'dist'),
  repoMedia: join(repoRoot, 'media'),
  sharedMedia: resolve(repoRoot, '..', 'shared', 'media'),
  haproxyConfig: join(repoRoot, 'haproxy', 'haproxy.cfg'),
  haproxyLocalEnv: join(repoRoot, 'haproxy', 'local.env'),
  nginxTemplate: join(repoRoot, 'nginx', 'nginx.conf.template'),
  var: varDir,
  localEnv: join(varDir, 'local.env'),
  tlsDir: join(varDir, 'tls'),
  tlsPem: join(varDir, 'tls', 'local.pem'),
  media: join(varDir, 'media'),
  hls: join(varDir, 'hls'),
  logs: join(varDir, 'log'),
  nginxPrefix: join(varDir, 'nginx'),
  nginxConfig: join(varDir, 'nginx', 'nginx.conf'),
  nginxPid: join(varDir, 'nginx', 'nginx.pid'),
  nginxTemp: join(varDir, 'nginx', 'tmp'),
};

/** The log file of one process or task: var/log/<name>.log. */
export const logFileOf = (name) => join(paths.logs, `${name}.log`);

/** A path as the user reads it: relative to the repository root when inside it. */
export function shown(path) {
  const rel = relative(repoRoot, path);
  return rel.startsWith('..') ? path : rel;
}

export function createStateDirectories() {
  for (const dir of [paths.var, paths.logs, paths.media, paths.tlsDir, paths.nginxPrefix, paths.nginxTemp]) {
    mkdirSync(dir, { recursive: true });
  }
}
