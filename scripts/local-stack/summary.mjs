// The box printed once the stack is up.
import { printBox } from './console-output.mjs';
import { paths, shown } from './paths.mjs';
import { PUBLIC_URLS } from './stack-services.mjs';

export function printSummary({ secrets, adminLoginWorks, exitWhenReady }) {
  const admin = adminLoginWorks
    ? `${secrets.ADMIN_EMAIL} / ${secrets.ADMIN_PASSWORD}`
    : `${secrets.ADMIN_EMAIL} / ${secrets.ADMIN_PASSWORD}  (REJECTED: the database already had an admin)`;
  printBox([
    'VMS local stack is up',
    '',
    `Open         ${PUBLIC_URLS.http}`,
    `             ${PUBLIC_URLS.https}  (HTTP/2, self-signed certificate)`,
    `Admin        ${admin}`,
    `HAProxy      ${PUBLIC_URLS.stats}  (${secrets.HAPROXY_STATS_USER} / ${secrets.HAPROXY_STATS_PASSWORD})`,
    `Logs         ${shown(paths.logs)}/<process>.log`,
    `Secrets      ${shown(paths.localEnv)}`,
    '',
    exitWhenReady ? '--exit-when-ready: stopping now' : 'Ctrl-C to stop',
  ]);
}
