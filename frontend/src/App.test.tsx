import { fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installAuthSession } from '@/features/auth/session';
import { useAuthStore } from '@/features/auth/store';
import type { AuthUser } from '@/features/auth/types';
import { createQueryClient } from '@/lib/query-client';
import { App, routes } from './App';

const users = {
  admin: { id: 'u-1', email: 'admin@example.com', displayName: 'Admin', role: 'admin' },
  operator: { id: 'u-2', email: 'op@example.com', displayName: 'Op', role: 'operator' },
  integrator: { id: 'u-3', email: 'api@example.com', displayName: 'Api', role: 'integrator' },
} satisfies Record<string, AuthUser>;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function signIn(user: AuthUser) {
  useAuthStore.getState().setSession({
    accessToken: 'a',
    refreshToken: 'r',
    tokenType: 'Bearer',
    expiresIn: 900,
    user,
  });
}

function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(<App router={router} queryClient={createQueryClient()} />);
  return router;
}

const navLinks = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

let uninstall: () => void;

beforeEach(() => {
  useAuthStore.getState().clearSession();
  uninstall = installAuthSession();
});

afterEach(() => uninstall());

describe('app routes', () => {
  it('sends anonymous visitors to the login page', async () => {
    const router = renderApp('/admin/users');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('shows admins every area and the page they asked for', async () => {
    signIn(users.admin);
    renderApp('/admin/cameras');

    expect(await screen.findByRole('heading', { name: 'Cameras', level: 1 })).toBeTruthy();
    expect(navLinks()).toEqual(['Live', 'Events', 'Dashboard', 'Cameras', 'Users & API keys']);
    expect(screen.getByRole('link', { name: 'Cameras' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByText('admin@example.com')).toBeTruthy();
  });

  it('shows a 403 page to an operator on an admin page, without admin links', async () => {
    signIn(users.operator);
    renderApp('/admin/users');

    expect(await screen.findByText(/403/)).toBeTruthy();
    expect(navLinks()).toEqual(['Live', 'Events', 'Dashboard']);
  });

  it('keeps integrators out of Live', async () => {
    signIn(users.integrator);
    renderApp('/');

    expect(await screen.findByText(/403/)).toBeTruthy();
    expect(navLinks()).toEqual(['Events', 'Dashboard']);
  });

  it('signs out: clears the session, revokes the token and shows the login page', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    signIn(users.operator);
    const router = renderApp('/events');
    await screen.findByRole('heading', { name: 'Events', level: 1 });

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    // The next person to sign in starts on their own start page, not on /events.
    expect(router.state.location.state).toBeNull();
    expect(useAuthStore.getState().refreshToken).toBeNull();
    expect(fetch).toHaveBeenCalledWith('/api/auth/logout', expect.anything());
  });

  it('restores a persisted session with a refresh before showing the page', async () => {
    const fetch = vi.fn(async () =>
      json(200, {
        accessToken: 'a2',
        refreshToken: 'r2',
        tokenType: 'Bearer',
        expiresIn: 900,
        user: users.operator,
      }),
    );
    vi.stubGlobal('fetch', fetch);
    signIn(users.operator);
    useAuthStore.getState().dropAccessToken();

    renderApp('/events');

    expect(screen.getByText('Restoring your session…')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Events', level: 1 })).toBeTruthy();
    expect(fetch).toHaveBeenCalledWith('/api/auth/refresh', expect.anything());
    expect(useAuthStore.getState().accessToken).toBe('a2');
  });

  it('goes to the login page, explaining why, when the persisted refresh token is refused', async () => {
    vi.stubGlobal('fetch', async () =>
      json(401, { error: { code: 'AUTH.REFRESH_TOKEN_INVALID', message: 'Invalid refresh token' } }),
    );
    signIn(users.operator);
    useAuthStore.getState().dropAccessToken();

    const router = renderApp('/events');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toMatchObject({ from: { pathname: '/events' } });
    expect(screen.getByRole('status').textContent).toBe('Your session has ended. Sign in again to continue.');
  });
});
