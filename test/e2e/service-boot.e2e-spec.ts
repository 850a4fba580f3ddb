import { deleteRedisPrefix } from '../support/redis-cleanup';
import { freePort, runBuiltService, waitForHttp } from '../support/built-service';
import { testEnv } from '../support/api-harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { createTestVhost, TestVhost } from '../support/test-broker';

describe('built services boot and stop like in production (e2e)', () => {
  let db: TestDatabase;
  let vhost: TestVhost;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    vhost = await createTestVhost();
    env = testEnv({ DATABASE_URL: db.url, RABBITMQ_URL: vhost.url });
  });

  afterAll(async () => {
    await db.drop();
    await vhost.delete();
    await deleteRedisPrefix(env.REDIS_KEY_PREFIX);
  });

  it.each([
    ['api', 'JWT_SECRET', { JWT_SECRET: 'short' }],
    ['api', 'CAMERA_CREDENTIALS_KEY', { CAMERA_CREDENTIALS_KEY: 'not-base64-32-bytes' }],
    ['api', 'DATABASE_URL', { DATABASE_URL: 'mysql://nope' }],
    ['api', 'PORT', { PORT: 'eighty' }],
    ['streaming', 'RABBITMQ_URL', { RABBITMQ_URL: 'http://wrong' }],
    ['ai-detection', 'REDIS_URL', { REDIS_URL: 'localhost:6379' }],
  ])('%s refuses to start with a bad %s and names it', async (app, variable, override) => {
    const service = runBuiltService(app, { ...env, ...override });
    const code = await service.exited;
    expect(code).toBe(1);
    expect(service.output()).toContain(variable);
    expect(service.output()).toMatch(/Invalid environment/);
  });

  it('api without a JWT secret at all refuses to start', async () => {
    const { JWT_SECRET: _omitted, ...withoutSecret } = env;
    const service = runBuiltService('api', withoutSecret);
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('JWT_SECRET');
  });

  it.each([
    ['api', 'api/docs'],
    ['streaming', 'api/streaming/docs'],
    ['ai-detection', 'api/ai/docs'],
  ])('%s boots, is ready (its dependencies answer), serves docs and metrics, and stops cleanly on SIGTERM', async (app, docsPath) => {
    const port = await freePort();
    const service = runBuiltService(app, { ...env, PORT: String(port), HLS_PORT: String(await freePort()), HLS_ROOT: `/tmp/vms-boot-hls-${port}` });
    try {
      const ready = (await (await waitForHttp(`http://127.0.0.1:${port}/health/ready`)).json()) as { status: string };
      expect(ready.status).toBe('ok');
      const docs = await fetch(`http://127.0.0.1:${port}/${docsPath}/openapi.json`);
      expect(docs.status).toBe(200);
      expect(((await docs.json()) as { components: { securitySchemes: object } }).components.securitySchemes).toHaveProperty('bearer');
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('process_cpu_user_seconds_total');
      const line = service.output().split('\n').find((entry) => entry.startsWith('{'));
      expect(JSON.parse(line!)).toMatchObject({ service: app, level: 30 });
    } finally {
      service.process.kill('SIGTERM');
    }
    expect(await service.exited).toBe('SIGTERM');
    // Readiness checks failing while the broker connects are logged at error level; nothing else may be.
    const errors = service.output().split('\n').filter((entry) => /"level":(50|60)/.test(entry) && !entry.includes('/health/ready'));
    expect(errors).toEqual([]);
  });

  it('api logs carry the request id and echo it in X-Request-Id', async () => {
    const port = await freePort();
    const service = runBuiltService('api', { ...env, PORT: String(port) });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/health/ready`);
      const response = await fetch(`http://127.0.0.1:${port}/api/cameras`, { headers: { 'X-Request-Id': 'trace-me-123' } });
      expect(response.status).toBe(401);
      expect(response.headers.get('x-request-id')).toBe('trace-me-123');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const logged = service.output().split('\n').filter((entry) => entry.includes('trace-me-123'));
      expect(logged.length).toBeGreaterThan(0);
      expect(JSON.parse(logged[0])).toMatchObject({ req: { id: 'trace-me-123' } });
    } finally {
      service.process.kill('SIGTERM');
      await service.exited;
    }
  });
});
