import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of two secrets that reveals nothing about their lengths. */
export function secretsEqual(presented: string, expected: string): boolean {
  if (presented.length === 0 || expected.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
