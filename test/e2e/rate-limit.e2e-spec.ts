import { ApiHarness, startApi } from '../support/api-harness';

describe('rate limits (e2e)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('answers request 101 within a minute with 429 and the RateLimit headers; another principal is unaffected', async () => {
    const operator = await api.tokenFor('operator');
    const admin = await api.tokenFor('admin');
    // tokenFor() spent some of the admin's budget logging in; the operator's budget is untouched so far.
    let last = await api.http.get('/api/cameras').set('Authorization', `Bearer ${operator}`);
    expect(last.status).toBe(200);
    expect(last.headers['ratelimit-limit']).toBe('100');
    expect(last.headers['ratelimit-remaining']).toBe('99');
    for (let index = 2; index <= 100; index++) {
      last = await api.http.get('/api/cameras').set('Authorization', `Bearer ${operator}`);
      expect(last.status).toBe(200);
    }
    expect(last.headers['ratelimit-remaining']).toBe('0');

    const limited = await api.http.get('/api/cameras').set('Authorization', `Bearer ${operator}`);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: { code: 'RATE_LIMIT.EXCEEDED', message: expect.any(String) } });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers['ratelimit-limit']).toBe('100');
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(Number(limited.headers['ratelimit-reset'])).toBeGreaterThan(0);

    const other = await api.http.get('/api/cameras').set('Authorization', `Bearer ${admin}`);
    expect(other.status).toBe(200);
  });

  it('never limits health and metrics', async () => {
    for (let index = 0; index < 120; index++) {
      const response = await api.http.get(index % 2 === 0 ? '/health' : '/metrics');
      expect(response.status).toBe(200);
      expect(response.headers['ratelimit-limit']).toBeUndefined();
    }
  });

  it('limits anonymous callers by IP, failed logins included', async () => {
    let status = 0;
    for (let index = 0; index < 101 && status !== 429; index++) {
      status = (await api.http.post('/api/auth/login').send({ email: 'nobody@test.local', password: 'wrong-password' })).status;
    }
    expect(status).toBe(429);
  });

  it('keeps counting across processes: a second api instance shares the counters in Redis', async () => {
    const second = await startApi({ REDIS_KEY_PREFIX: api.env.REDIS_KEY_PREFIX, JWT_SECRET: api.env.JWT_SECRET });
    try {
      const operator = await api.tokenFor('operator');
      const response = await second.http.get('/api/cameras').set('Authorization', `Bearer ${operator}`);
      expect(response.status).toBe(429);
    } finally {
      await second.close();
    }
  });
});
