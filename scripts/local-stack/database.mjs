// The `vms` database: created when missing, with the `pg` driver from node_modules.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { StackError, say } from './console-output.mjs';
import { paths } from './paths.mjs';

const AUTH_FAILED = new Set(['28P01', '28000']);

export async function ensureDatabase(databaseUrl) {
  const { Client } = createRequire(join(paths.repoRoot, 'package.json'))('pg');
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  try {
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    say(`database ${name} created`);
  } catch (error) {
    if (error.code === '42P04') return; // created concurrently
    const hint = AUTH_FAILED.has(error.code)
      ? `PostgreSQL refused ${target.username}@${target.host} without a password. Allow it from loopback in pg_hba.conf ("host all all 127.0.0.1/32 trust") and reload: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main reload`
      : undefined;
    throw new StackError(`cannot create the database ${name}: ${error.message}`, { hint });
  } finally {
    await client.end().catch(() => {});
  }
}
