import Redis from 'ioredis';

export interface RedisConnectionOptions {
  url: string;
  db: number;
  keyPrefix: string;
}

/**
 * A client that fails fast while Redis is away (no offline queue, short timeouts) and
 * reconnects on its own, so callers can treat an error as a cache miss.
 */
export function createRedisClient(options: RedisConnectionOptions): Redis {
  const client = new Redis(options.url, {
    db: options.db,
    keyPrefix: options.keyPrefix,
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    commandTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  client.on('error', () => undefined);
  return client;
}
