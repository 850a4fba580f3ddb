import { describe, expect, it } from 'vitest';
import { REFRESH_LEAD_MS, refreshDelayMs, retryDelayMs } from './use-token-refresh';

describe('token refresh timing', () => {
  it('refreshes a minute before the access token expires', () => {
    const now = 1_000_000;
    expect(refreshDelayMs(now + 900_000, now)).toBe(900_000 - REFRESH_LEAD_MS);
    expect(REFRESH_LEAD_MS).toBe(60_000);
  });

  it('refreshes at once when the token is about to expire, has expired, or is missing', () => {
    const now = 1_000_000;
    expect(refreshDelayMs(now + 30_000, now)).toBe(0);
    expect(refreshDelayMs(now - 5_000, now)).toBe(0);
    expect(refreshDelayMs(null, now)).toBe(0);
  });

  it('backs off between failed attempts, capped at 30 s', () => {
    expect([1, 2, 3, 4, 5, 50].map(retryDelayMs)).toEqual([2_000, 5_000, 15_000, 30_000, 30_000, 30_000]);
  });
});
