// Throwaway infrastructure for one benchmark run, the way the tests make theirs: a fresh
// PostgreSQL database, a RabbitMQ vhost, a Redis key prefix; each removed again by cleanUp().
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import Redis from 'ioredis';
import { onCleanup } from './cleanup.mjs';

const run = promisify(execFile);
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RABBITMQ_HOST = process.env.BENCH_RABBITMQ_HOST ?? '127.0.0.1:5672';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_DBS = [0, 1, 2, 3];

async function withAdminClient(work) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database; returns its URL. */
export async function createDatabase(tag) {
  const name = `vms_bench_${tag}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  onCleanup(`drop database ${name}`, () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  return POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
}

/** A RabbitMQ virtual host of its own (rabbitmqctl, as on the test machines); returns its amqp URL. */
export async function createVhost(tag) {
  const name = `vms-bench-${tag}`;
  await run('rabbitmqctl', ['-q', 'add_vhost', name], { timeout: 60_000 });
  onCleanup(`delete vhost ${name}`, () => run('rabbitmqctl', ['-q', 'delete_vhost', name], { timeout: 60_000 }));
  await run('rabbitmqctl', ['-q', 'set_permissions', '-p', name, 'guest', '.*', '.*', '.*'], { timeout: 60_000 });
  return `amqp://guest:guest@${RABBITMQ_HOST}/${encodeURIComponent(name)}`;
}

/** A Redis key prefix nobody else uses; its keys (in the databases the services use) are deleted at the end. */
export function reserveRedisPrefix(tag) {
  const prefix = `vms-bench:${tag}:`;
  onCleanup(`delete Redis keys ${prefix}*`, () => deleteRedisKeys(prefix));
  return prefix;
}

async function deleteRedisKeys(prefix) {
  for (const db of REDIS_DBS) {
    const redis = new Redis(REDIS_URL, { db, lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5000 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}

export const randomTag = () => randomBytes(5).toString('hex');
export const randomSecret = (bytes, encoding = 'hex') => randomBytes(bytes).toString(encoding);
