import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `<id>.<secret>`: the id finds the row, only the secret's SHA-256 is stored. */
export interface OpaqueToken {
  id: string;
  secret: string;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseOpaqueToken(raw: string): OpaqueToken | null {
  const [id, secret, extra] = raw.split('.');
  if (extra !== undefined || !id || !secret || !UUID.test(id)) return null;
  return { id, secret };
}
