import { hashSecret, newSecret, parseOpaqueToken, secretMatches } from './opaque-token';

const ID = '3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e';

describe('parseOpaqueToken', () => {
  it('splits <uuid>.<secret>', () => {
    expect(parseOpaqueToken(`${ID}.abc_DEF-123`)).toEqual({ id: ID, secret: 'abc_DEF-123' });
  });

  it.each([
    ['no dot', ID],
    ['an empty secret', `${ID}.`],
    ['an empty id', '.secret'],
    ['a third part', `${ID}.secret.extra`],
    ['an id that is not a uuid', 'not-a-uuid.secret'],
    ['an upper-case uuid', `${ID.toUpperCase()}.secret`],
    ['a uuid with extra characters', `x${ID}.secret`],
    ['an empty string', ''],
  ])('refuses %s', (_label, raw) => {
    expect(parseOpaqueToken(raw)).toBeNull();
  });
});

describe('secret hashing', () => {
  it('a secret matches its own hash', () => {
    const secret = newSecret();
    expect(secretMatches(secret, hashSecret(secret))).toBe(true);
  });

  it('another secret does not match', () => {
    expect(secretMatches(newSecret(), hashSecret(newSecret()))).toBe(false);
  });

  it('a malformed stored hash does not match', () => {
    expect(secretMatches('secret', 'not-hex')).toBe(false);
    expect(secretMatches('secret', '')).toBe(false);
  });

  it('stores a SHA-256 hex digest, not the secret', () => {
    const secret = newSecret();
    const hash = hashSecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret);
  });

  it('generates distinct url-safe secrets', () => {
    const a = newSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(a);
  });
});
