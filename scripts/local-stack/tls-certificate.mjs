// var/tls/local.pem: a self-signed certificate (followed by its key) for HAProxy's HTTPS port.
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StackError, say } from './console-output.mjs';
import { logFileOf, paths, shown } from './paths.mjs';
import { logTail } from './log-tail.mjs';
import { describeExit, findExecutable, runCommand } from './run-command.mjs';

export async function ensureTlsCertificate() {
  if (existsSync(paths.tlsPem)) return;
  const key = join(paths.tlsDir, 'local.key.tmp');
  const cert = join(paths.tlsDir, 'local.crt.tmp');
  const logFile = logFileOf('openssl');
  writeFileSync(logFile, '');
  const exit = await runCommand(
    findExecutable('openssl') ?? 'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '825', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert],
    { logFile },
  );
  try {
    if (exit.code !== 0) throw new StackError(`openssl could not create the certificate (${describeExit(exit)})`, { details: logTail(logFile) });
    writeFileSync(paths.tlsPem, readFileSync(cert, 'utf8') + readFileSync(key, 'utf8'), { mode: 0o600 });
    chmodSync(paths.tlsPem, 0o600);
  } finally {
    rmSync(key, { force: true });
    rmSync(cert, { force: true });
  }
  say(`${shown(paths.tlsPem)}: self-signed certificate for localhost created (825 days)`);
}
