import Redis from 'ioredis';

/** Deletes every key under a test's prefix in the given databases. */
export async function deleteRedisPrefix(prefix: string, dbs: number[] = [0, 1, 2, 3]): Promise<void> {
  for (const db of dbs) {
    const redis = new Redis({ host: '127.0.0.1', port: 6379, db, lazyConnect: true });
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}
