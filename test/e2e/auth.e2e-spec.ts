import { JwtService } from '@nestjs/jwt';
import { ADMIN, ApiHarness, startApi } from '../support/api-harness';

describe('auth (e2e)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('logs in with the first admin from the environment and answers /me', async () => {
    const login = await api.http.post('/api/auth/login').send(ADMIN).expect(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { email: ADMIN.email, role: 'admin' } });
    expect(login.body.refreshToken).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    const me = await api.http.get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ kind: 'user', role: 'admin', email: ADMIN.email });
  });

  it('refuses a wrong password with AUTH.INVALID_CREDENTIALS and an unknown user the same way', async () => {
    const wrong = await api.http.post('/api/auth/login').send({ email: ADMIN.email, password: 'not-the-password' }).expect(401);
    const unknown = await api.http.post('/api/auth/login').send({ email: 'nobody@test.local', password: 'whatever-123' }).expect(401);
    expect(wrong.body).toEqual({ error: { code: 'AUTH.INVALID_CREDENTIALS', message: expect.any(String) } });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('rotates refresh tokens: each refresh returns a new pair and the old refresh token stops working', async () => {
    const first = (await api.http.post('/api/auth/login').send(ADMIN).expect(200)).body;
    const second = (await api.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toEqual(first.refreshToken);
    const third = (await api.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(200)).body;
    await api.http.get('/api/auth/me').set('Authorization', `Bearer ${third.accessToken}`).expect(200);
  });

  it('revokes the whole family when a used refresh token is presented again', async () => {
    const login = (await api.http.post('/api/auth/login').send(ADMIN).expect(200)).body;
    const rotated = (await api.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(200)).body;
    const reuse = await api.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(401);
    expect(reuse.body.error.code).toBe('AUTH.REFRESH_TOKEN_REUSED');
    const afterReuse = await api.http.post('/api/auth/refresh').send({ refreshToken: rotated.refreshToken }).expect(401);
    expect(afterReuse.body.error.code).toBe('AUTH.REFRESH_TOKEN_INVALID');
    const otherSession = (await api.http.post('/api/auth/login').send(ADMIN).expect(200)).body;
    await api.http.post('/api/auth/refresh').send({ refreshToken: otherSession.refreshToken }).expect(200);
  });

  it('logout revokes the refresh token', async () => {
    const login = (await api.http.post('/api/auth/login').send(ADMIN).expect(200)).body;
    await api.http.post('/api/auth/logout').send({ refreshToken: login.refreshToken }).expect(204);
    const refresh = await api.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(401);
    expect(refresh.body.error.code).toBe('AUTH.REFRESH_TOKEN_INVALID');
  });

  it('answers an expired access token with 401 AUTH.TOKEN_EXPIRED', async () => {
    const jwt = new JwtService({ secret: api.env.JWT_SECRET });
    const expired = jwt.sign(
      { sub: '00000000-0000-4000-8000-000000000000', role: 'admin', email: ADMIN.email, typ: 'access', exp: Math.floor(Date.now() / 1000) - 60 },
      { issuer: 'vms-api' },
    );
    const response = await api.http.get('/api/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(response.body.error.code).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('refuses tokens signed with another secret, and missing tokens, with distinct codes', async () => {
    const forged = new JwtService({ secret: 'x'.repeat(40) }).sign({ sub: 'u', role: 'admin', email: 'e', typ: 'access' }, { issuer: 'vms-api' });
    expect((await api.http.get('/api/cameras').set('Authorization', `Bearer ${forged}`).expect(401)).body.error.code).toBe('AUTH.TOKEN_INVALID');
    expect((await api.http.get('/api/cameras').expect(401)).body.error.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('stores refresh tokens hashed, never in clear', async () => {
    const login = (await api.http.post('/api/auth/login').send(ADMIN).expect(200)).body;
    const secret = login.refreshToken.split('.')[1];
    const rows = await api.db.query<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.token_hash.includes(secret))).toBe(false);
  });

  it('a disabled user can neither log in nor refresh', async () => {
    const admin = await api.login();
    const user = (await api.http.post('/api/users').set('Authorization', `Bearer ${admin}`)
      .send({ email: 'leaver@test.local', password: 'leaver-password-1', role: 'operator' }).expect(201)).body;
    const session = (await api.http.post('/api/auth/login').send({ email: 'leaver@test.local', password: 'leaver-password-1' }).expect(200)).body;
    await api.http.patch(`/api/users/${user.id}`).set('Authorization', `Bearer ${admin}`).send({ disabled: true }).expect(200);
    await api.http.post('/api/auth/login').send({ email: 'leaver@test.local', password: 'leaver-password-1' }).expect(401);
    await api.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });
});
