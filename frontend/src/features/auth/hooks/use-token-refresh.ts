import { useCallback, useEffect, useState } from 'react';
import { apiClient } from '@/lib/api-client';
import { useAuthStore } from '../store';

/** Refresh this long before the access token expires. */
export const REFRESH_LEAD_MS = 60_000;
const RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000] as const;

export function refreshDelayMs(expiresAt: number | null, now: number): number {
  if (expiresAt === null) return 0;
  return Math.max(0, expiresAt - REFRESH_LEAD_MS - now);
}

export function retryDelayMs(attempt: number): number {
  return RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0];
}

interface Failure {
  error: Error;
  attempt: number;
}

export interface TokenRefresh {
  /** The last refresh failure that was not a rejected token (network, 5xx, 429). */
  error: Error | null;
  retry: () => void;
}

/**
 * Keeps the access token fresh while a session exists: refreshes at once when there is no
 * access token (after a reload), otherwise ~60 s before it expires; retries with backoff.
 */
export function useTokenRefresh(): TokenRefresh {
  const refreshToken = useAuthStore((s) => s.refreshToken);
  const expiresAt = useAuthStore((s) => s.expiresAt);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    if (!refreshToken) return;
    const run = () => {
      apiClient.refreshAccessToken().then(
        () => setFailure(null),
        (error: unknown) =>
          setFailure((previous) => ({
            error: error instanceof Error ? error : new Error(String(error)),
            attempt: (previous?.attempt ?? 0) + 1,
          })),
      );
    };
    const delay = failure ? retryDelayMs(failure.attempt) : refreshDelayMs(expiresAt, Date.now());
    let timer = window.setTimeout(run, delay);

    // Background tabs throttle timers; catch up as soon as the tab is visible again.
    const handleVisibilityChange = () => {
      if (document.visibilityState !== 'visible' || refreshDelayMs(expiresAt, Date.now()) > 0) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 0);
    };
    document.addEventListener('visibilitychange', handleVisibilityChange);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', handleVisibilityChange);
    };
  }, [refreshToken, expiresAt, failure]);

  const retry = useCallback(() => setFailure(null), []);
  return { error: failure?.error ?? null, retry };
}
