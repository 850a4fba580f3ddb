import { JwtService } from '@nestjs/jwt';
import type { StreamingEnv } from '../../streaming.env';
import { MediaAuthorizer } from './media-authorizer.service';
import { StreamTokenService } from './stream-token.service';

const PATH = 'cam_22222222-2222-4222-8222-222222222222';
const env = { STREAM_TOKEN_TTL_SECONDS: 600, MEDIAMTX_API_USER: 'vms-streaming', MEDIAMTX_API_PASSWORD: 'api-secret-123' } as StreamingEnv;

describe('stream tokens and MediaMTX authorisation', () => {
  const jwt = new JwtService({ secret: 'a'.repeat(40), signOptions: { issuer: 'vms-api' }, verifyOptions: { issuer: 'vms-api' } });
  const tokens = new StreamTokenService(jwt, env);
  const authorizer = new MediaAuthorizer(tokens, env);
  const token = tokens.issue('user-1', PATH).token;

  it('a stream token opens exactly its own path', () => {
    expect(tokens.allows(token, PATH)).toBe(true);
    expect(tokens.allows(token, 'cam_33333333-3333-4333-8333-333333333333')).toBe(false);
    expect(tokens.allows(null, PATH)).toBe(false);
    expect(tokens.allows(`${token}x`, PATH)).toBe(false);
  });

  it('refuses an expired stream token and an access token used as a stream token', () => {
    const expired = jwt.sign({ sub: 'u', typ: 'stream', path: PATH, exp: Math.floor(Date.now() / 1000) - 5 });
    const access = jwt.sign({ sub: 'u', typ: 'access', role: 'admin', email: 'a@b.c' });
    expect(tokens.allows(expired, PATH)).toBe(false);
    expect(tokens.allows(access, PATH)).toBe(false);
  });

  it('lets MediaMTX readers in with the token in the token field, the query, or the password', () => {
    expect(authorizer.allows({ action: 'read', path: PATH, token })).toBe(true);
    expect(authorizer.allows({ action: 'read', path: PATH, query: `token=${encodeURIComponent(token)}` })).toBe(true);
    expect(authorizer.allows({ action: 'playback', path: PATH, password: token })).toBe(true);
    expect(authorizer.allows({ action: 'read', path: PATH })).toBe(false);
    expect(authorizer.allows({ action: 'read', path: 'cam_other', token })).toBe(false);
  });

  it('lets only the Control API user call the API', () => {
    expect(authorizer.allows({ action: 'api', user: 'vms-streaming', password: 'api-secret-123' })).toBe(true);
    expect(authorizer.allows({ action: 'api', user: 'vms-streaming', password: 'wrong' })).toBe(false);
    expect(authorizer.allows({ action: 'api', user: 'someone', password: 'api-secret-123' })).toBe(false);
    expect(new MediaAuthorizer(tokens, { ...env, MEDIAMTX_API_PASSWORD: '' } as StreamingEnv).allows({ action: 'api', user: 'vms-streaming', password: '' })).toBe(false);
  });

  it('allows publishing only from MediaMTX itself onto a camera path, and refuses unknown actions', () => {
    expect(authorizer.allows({ action: 'publish', path: PATH, ip: '127.0.0.1' })).toBe(true);
    expect(authorizer.allows({ action: 'publish', path: PATH, ip: '10.0.0.7' })).toBe(false);
    expect(authorizer.allows({ action: 'publish', path: 'other', ip: '127.0.0.1' })).toBe(false);
    expect(authorizer.allows({ action: 'metrics', token })).toBe(false);
    expect(authorizer.allows({ action: 'read', path: PATH, token: 42 } as never)).toBe(false);
  });
});
