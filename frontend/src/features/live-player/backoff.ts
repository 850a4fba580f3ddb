export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** 0..1 of the delay added at random, so many tiles that failed together do not retry together. */
  jitter?: number;
  random?: () => number;
}

/** Retries before a tile gives up and waits for the user (about a minute in all). */
export const MAX_RECONNECT_ATTEMPTS = 6;

/** Delay before retry number `attempt` (1, 2, …): 1 s, 2 s, 4 s… capped at 30 s, plus jitter. */
export function reconnectDelayMs(
  attempt: number,
  { baseMs = 1_000, maxMs = 30_000, jitter = 0.2, random = Math.random }: BackoffOptions = {},
): number {
  const exponent = Math.max(0, attempt - 1);
  const delay = Math.min(maxMs, baseMs * 2 ** exponent);
  return Math.round(delay * (1 + jitter * random()));
}
