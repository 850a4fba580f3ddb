import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { LogCapture } from './log-capture';
import { deleteRedisPrefix } from './redis-cleanup';
import { createTestDatabase, TestDatabase } from './test-database';
import { createTestVhost, TestVhost } from './test-broker';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-123' };
export const MEDIA_DIR = path.resolve(__dirname, '../../../shared/media');

export interface ApiHarness {
  app: INestApplication;
  http: ReturnType<typeof request>;
  baseUrl: string;
  db: TestDatabase;
  vhost: TestVhost;
  logs: LogCapture;
  env: Record<string, string>;
  /** Logs in and returns an access token. */
  login(email?: string, password?: string): Promise<string>;
  /** Creates a user of that role (as the admin) and returns its access token. */
  tokenFor(role: 'admin' | 'operator' | 'integrator'): Promise<string>;
  close(): Promise<void>;
}

export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    JWT_SECRET: randomBytes(32).toString('hex'),
    CAMERA_CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `vms-test:${randomBytes(5).toString('hex')}:`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    CAMERA_ALLOW_PRIVATE_NETWORKS: 'true',
    CAMERA_FILE_ROOTS: MEDIA_DIR,
    STREAMING_INTERNAL_TOKEN: randomBytes(16).toString('hex'),
    // No streaming service unless a test starts one (a closed port: provisioning calls fail fast).
    STREAMING_URL: 'http://127.0.0.1:9',
    ...overrides,
  };
}

/** Boots the real api (as main.ts does) on a random port, against its own database, vhost and key prefix. */
export async function startApi(overrides: Record<string, string> = {}): Promise<ApiHarness> {
  const db = await createTestDatabase();
  const vhost = await createTestVhost();
  const env = testEnv({ DATABASE_URL: db.url, RABBITMQ_URL: vhost.url, ...overrides });
  const logs = new LogCapture();
  const app = await createApiApp({ env, logDestination: logs });
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const http = request(baseUrl);
  const tokens = new Map<string, string>();

  const login = async (email = ADMIN.email, password = ADMIN.password) => {
    const response = await http.post('/api/auth/login').send({ email, password });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.accessToken as string;
  };

  return {
    app, http, baseUrl, db, vhost, logs, env, login,
    tokenFor: async (role) => {
      const cached = tokens.get(role);
      if (cached) return cached;
      let token: string;
      if (role === 'admin') {
        token = await login();
      } else {
        const email = `${role}-${randomBytes(3).toString('hex')}@test.local`;
        const password = `${role}-password-123`;
        const admin = await login();
        const created = await http.post('/api/users').set('Authorization', `Bearer ${admin}`).send({ email, password, role });
        if (created.status !== 201) throw new Error(`user creation failed: ${JSON.stringify(created.body)}`);
        token = await login(email, password);
      }
      tokens.set(role, token);
      return token;
    },
    close: async () => {
      await app.close();
      await db.drop();
      await vhost.delete();
      await deleteRedisPrefix(env.REDIS_KEY_PREFIX);
    },
  };
}
