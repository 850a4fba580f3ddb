import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { AuthUser, TokenResponse } from './types';

export const AUTH_STORAGE_KEY = 'vms.auth';

/** Why the last session ended: the user signed out, or the server refused to extend it. */
export type SessionEnd = 'signed-out' | 'expired';

export interface AuthState {
  /** Kept in memory only; a reload gets a new one from the refresh token. */
  accessToken: string | null;
  refreshToken: string | null;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number | null;
  user: AuthUser | null;
  /** Not persisted: lets the login page explain why it is shown. */
  sessionEnd: SessionEnd | null;
  setSession: (tokens: TokenResponse, now?: number) => void;
  clearSession: (reason?: SessionEnd) => void;
  /** Forgets the access token but keeps the session, so the next step is a refresh. */
  dropAccessToken: () => void;
}

export const useAuthStore = create<AuthState>()(
  persist(
    (set) => ({
      accessToken: null,
      refreshToken: null,
      expiresAt: null,
      user: null,
      sessionEnd: null,
      setSession: (tokens, now = Date.now()) =>
        set({
          accessToken: tokens.accessToken,
          refreshToken: tokens.refreshToken,
          expiresAt: now + tokens.expiresIn * 1000,
          user: tokens.user,
          sessionEnd: null,
        }),
      clearSession: (reason = 'signed-out') =>
        set({ accessToken: null, refreshToken: null, expiresAt: null, user: null, sessionEnd: reason }),
      dropAccessToken: () => set({ accessToken: null, expiresAt: null }),
    }),
    {
      name: AUTH_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ refreshToken: state.refreshToken, user: state.user }),
    },
  ),
);

export const authSelectors = {
  user: (s: AuthState) => s.user,
  role: (s: AuthState) => s.user?.role ?? null,
  isSignedIn: (s: AuthState) => s.refreshToken !== null && s.user !== null,
  hasAccessToken: (s: AuthState) => s.accessToken !== null,
  sessionEnd: (s: AuthState) => s.sessionEnd,
};
