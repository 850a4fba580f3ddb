export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** A run that went well this long counts as healthy: the next failure starts again from `initialMs`. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30000, resetAfterMs: 30000 };

/** Exponential restart delays (1 s, 2 s, 4 s ... capped), reset after a run that went well for a while. */
export class RestartBackoff {
  private attempts = 0;

  constructor(private readonly options: BackoffOptions = DEFAULT_BACKOFF) {}

  nextDelayMs(healthyRunMs: number): number {
    if (healthyRunMs >= this.options.resetAfterMs) this.attempts = 0;
    const delay = Math.min(this.options.maxMs, this.options.initialMs * 2 ** Math.min(this.attempts, 30));
    this.attempts += 1;
    return delay;
  }

  reset(): void {
    this.attempts = 0;
  }
}
