import { ApiError, apiClient, type ApiClient } from '@/lib/api-client';
import { authApi } from './api';
import { AUTH_STORAGE_KEY, useAuthStore } from './store';

const REFRESH_LOCK = 'vms.auth.refresh';

/**
 * Trades the refresh token for a new token pair. Resolves the new access token, or null
 * when the server rejected the refresh token (the session is then cleared).
 * Callers go through `apiClient.refreshAccessToken()` so that only one refresh runs at a time.
 */
export function refreshSession(): Promise<string | null> {
  return withCrossTabLock(async () => {
    // Refresh tokens rotate: another tab may have replaced ours, and its value is in storage.
    await useAuthStore.persist.rehydrate();
    const { refreshToken, clearSession } = useAuthStore.getState();
    if (!refreshToken) {
      clearSession('signed-out');
      return null;
    }
    try {
      const tokens = await authApi.refresh(refreshToken);
      useAuthStore.getState().setSession(tokens);
      return tokens.accessToken;
    } catch (error) {
      if (isRejectedRefreshToken(error)) {
        useAuthStore.getState().clearSession('expired');
        return null;
      }
      throw error;
    }
  });
}

/** Clears the local session at once, then revokes the refresh token on the server. */
export async function signOut(): Promise<void> {
  const { refreshToken, clearSession } = useAuthStore.getState();
  clearSession('signed-out');
  if (!refreshToken) return;
  try {
    await authApi.logout(refreshToken);
  } catch {
    // Best effort: the token is gone from this browser whatever the server answered.
  }
}

/** Connects the API client to the session and keeps tabs of this browser in step. */
export function installAuthSession(client: ApiClient = apiClient): () => void {
  client.setAuth({
    getAccessToken: () => useAuthStore.getState().accessToken,
    refreshAccessToken: refreshSession,
  });

  const handleStorage = (event: StorageEvent) => {
    if (event.key !== null && event.key !== AUTH_STORAGE_KEY) return;
    const previousUserId = useAuthStore.getState().user?.id;
    void useAuthStore.persist.rehydrate().then(() => {
      const { refreshToken, user, clearSession, dropAccessToken } = useAuthStore.getState();
      if (!refreshToken || !user) clearSession('signed-out');
      else if (user.id !== previousUserId) dropAccessToken();
    });
  };
  window.addEventListener('storage', handleStorage);

  return () => {
    window.removeEventListener('storage', handleStorage);
    client.setAuth(null);
  };
}

function isRejectedRefreshToken(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
}

async function withCrossTabLock<T>(task: () => Promise<T>): Promise<T> {
  // Web Locks serialise refreshes across tabs; without them (old browsers, jsdom) run directly.
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task();
  let result: T | undefined;
  await locks.request(REFRESH_LOCK, async () => {
    result = await task();
  });
  return result as T;
}
