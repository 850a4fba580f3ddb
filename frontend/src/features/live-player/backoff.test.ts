import { describe, expect, it } from 'vitest';
import { MAX_RECONNECT_ATTEMPTS, reconnectDelayMs } from './backoff';

const noJitter = { jitter: 0 };

describe('reconnect backoff', () => {
  it('doubles from one second', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => reconnectDelayMs(attempt, noJitter))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it('never waits more than the cap', () => {
    expect(reconnectDelayMs(6, noJitter)).toBe(30_000);
    expect(reconnectDelayMs(40, noJitter)).toBe(30_000);
  });

  it('adds at most the jitter share on top', () => {
    expect(reconnectDelayMs(3, { jitter: 0.2, random: () => 0 })).toBe(4_000);
    expect(reconnectDelayMs(3, { jitter: 0.2, random: () => 0.999 })).toBeLessThanOrEqual(4_800);
    expect(reconnectDelayMs(3, { jitter: 0.2, random: () => 0.5 })).toBe(4_400);
  });

  it('gives up after about a minute of retries, not endlessly', () => {
    let total = 0;
    for (let attempt = 1; attempt <= MAX_RECONNECT_ATTEMPTS; attempt += 1) total += reconnectDelayMs(attempt, noJitter);
    expect(total).toBeGreaterThan(30_000);
    expect(total).toBeLessThan(120_000);
  });
});
