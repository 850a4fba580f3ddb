// var/nginx/nginx.conf: nginx/nginx.conf.template with the NGINX_* placeholders filled in,
// like `envsubst` with an explicit list, so that nginx's own variables ($uri...) stay.
import { readFileSync, writeFileSync } from 'node:fs';
import { StackError } from './console-output.mjs';
import { paths } from './paths.mjs';

export function renderNginxConfig(port) {
  const values = {
    NGINX_PORT: String(port),
    NGINX_ROOT: paths.frontendDist,
    NGINX_MEDIA_ROOT: paths.media,
    NGINX_PID: paths.nginxPid,
    NGINX_TEMP: paths.nginxTemp,
  };
  const names = Object.keys(values).join('|');
  const pattern = new RegExp(`\\$\\{(${names})\\}|\\$(${names})(?![A-Za-z0-9_])`, 'g');
  const rendered = readFileSync(paths.nginxTemplate, 'utf8').replace(pattern, (_, braced, bare) => values[braced ?? bare]);
  const leftover = /\$\{?NGINX_[A-Z_]+/.exec(rendered);
  if (leftover) throw new StackError(`nginx template has a placeholder npm run up does not know: ${leftover[0]}`);
  writeFileSync(paths.nginxConfig, rendered);
  return paths.nginxConfig;
}
