import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { installAuthSession, refreshSession, signOut } from './session';
import { AUTH_STORAGE_KEY, authSelectors, useAuthStore } from './store';
import type { TokenResponse } from './types';

const operator = { id: 'u-1', email: 'op@example.com', displayName: 'Op', role: 'operator' } as const;

function tokens(overrides: Partial<TokenResponse> = {}): TokenResponse {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    tokenType: 'Bearer',
    expiresIn: 900,
    user: operator,
    ...overrides,
  };
}

function persisted(): unknown {
  const raw = localStorage.getItem(AUTH_STORAGE_KEY);
  return raw === null ? null : (JSON.parse(raw) as { state: unknown }).state;
}

function stubFetch(handler: (url: string, body: unknown) => Response) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) =>
    handler(url, init?.body ? JSON.parse(String(init.body)) : undefined),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

beforeEach(() => {
  useAuthStore.getState().clearSession();
});

let uninstall: (() => void) | undefined;

afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

describe('auth store', () => {
  it('login sets the tokens, the expiry and the user', () => {
    useAuthStore.getState().setSession(tokens(), 1_000);

    const state = useAuthStore.getState();
    expect(state.accessToken).toBe('access-1');
    expect(state.refreshToken).toBe('refresh-1');
    expect(state.expiresAt).toBe(1_000 + 900_000);
    expect(authSelectors.user(state)).toEqual(operator);
    expect(authSelectors.role(state)).toBe('operator');
    expect(authSelectors.isSignedIn(state)).toBe(true);
  });

  it('persists the refresh token and the user, never the access token', () => {
    useAuthStore.getState().setSession(tokens());

    expect(persisted()).toEqual({ refreshToken: 'refresh-1', user: operator });
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).not.toContain('access-1');
  });

  it('restores the persisted refresh token and user after a reload, without an access token', async () => {
    localStorage.setItem(
      AUTH_STORAGE_KEY,
      JSON.stringify({ state: { refreshToken: 'refresh-saved', user: operator }, version: 1 }),
    );

    await useAuthStore.persist.rehydrate();

    const state = useAuthStore.getState();
    expect(state.refreshToken).toBe('refresh-saved');
    expect(state.user).toEqual(operator);
    expect(state.accessToken).toBeNull();
    expect(authSelectors.isSignedIn(state)).toBe(true);
    expect(authSelectors.hasAccessToken(state)).toBe(false);
  });

  it('logout clears the store and storage at once and revokes the refresh token on the server', async () => {
    const fetch = stubFetch(() => new Response(null, { status: 204 }));
    useAuthStore.getState().setSession(tokens());

    const done = signOut();
    expect(useAuthStore.getState()).toMatchObject({ accessToken: null, refreshToken: null, user: null });
    expect(persisted()).toEqual({ refreshToken: null, user: null });
    await done;

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe('/api/auth/logout');
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body))).toEqual({ refreshToken: 'refresh-1' });
  });

  it('logout still clears the session when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    useAuthStore.getState().setSession(tokens());

    await expect(signOut()).resolves.toBeUndefined();
    expect(authSelectors.isSignedIn(useAuthStore.getState())).toBe(false);
  });
});

describe('session refresh', () => {
  it('trades the newest refresh token (even one another tab wrote) for a new pair', async () => {
    useAuthStore.getState().setSession(tokens());
    // Another tab rotated the token since this tab last looked.
    localStorage.setItem(
      AUTH_STORAGE_KEY,
      JSON.stringify({ state: { refreshToken: 'refresh-from-other-tab', user: operator }, version: 1 }),
    );
    const fetch = stubFetch(() => json(200, tokens({ accessToken: 'access-2', refreshToken: 'refresh-2' })));

    await expect(refreshSession()).resolves.toBe('access-2');

    expect(fetch.mock.calls[0]![0]).toBe('/api/auth/refresh');
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body))).toEqual({
      refreshToken: 'refresh-from-other-tab',
    });
    expect(useAuthStore.getState()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  it('ends the session when the server rejects the refresh token', async () => {
    useAuthStore.getState().setSession(tokens());
    stubFetch(() => json(401, { error: { code: 'AUTH.REFRESH_TOKEN_REUSED', message: 'Reused' } }));

    await expect(refreshSession()).resolves.toBeNull();
    expect(authSelectors.isSignedIn(useAuthStore.getState())).toBe(false);
  });

  it('keeps the session when the refresh fails for a network reason', async () => {
    useAuthStore.getState().setSession(tokens());
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });

    await expect(refreshSession()).rejects.toMatchObject({ code: 'NETWORK.UNREACHABLE' });
    expect(useAuthStore.getState().refreshToken).toBe('refresh-1');
  });

  it('the installed API client refreshes through the session and retries with the new token', async () => {
    uninstall = installAuthSession();
    useAuthStore.getState().setSession(tokens());
    let cameraCalls = 0;
    const fetch = stubFetch((url) => {
      if (url === '/api/auth/refresh') {
        return json(200, tokens({ accessToken: 'access-2', refreshToken: 'refresh-2' }));
      }
      cameraCalls += 1;
      return cameraCalls === 1
        ? json(401, { error: { code: 'AUTH.TOKEN_EXPIRED', message: 'Expired' } })
        : json(200, [{ id: 'cam-1' }]);
    });

    await expect(apiClient.get('/cameras')).resolves.toEqual([{ id: 'cam-1' }]);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      '/api/cameras',
      '/api/auth/refresh',
      '/api/cameras',
    ]);
    expect(new Headers(fetch.mock.calls[2]![1]?.headers).get('Authorization')).toBe('Bearer access-2');
  });

  it('signs this tab out when another tab signs out', async () => {
    uninstall = installAuthSession();
    useAuthStore.getState().setSession(tokens());
    localStorage.setItem(
      AUTH_STORAGE_KEY,
      JSON.stringify({ state: { refreshToken: null, user: null }, version: 1 }),
    );

    window.dispatchEvent(new StorageEvent('storage', { key: AUTH_STORAGE_KEY }));

    await vi.waitFor(() => expect(useAuthStore.getState().accessToken).toBeNull());
    expect(authSelectors.isSignedIn(useAuthStore.getState())).toBe(false);
  });
});
