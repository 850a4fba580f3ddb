import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type InitialEntry } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '@/features/auth/store';
import { LoginPage } from './LoginPage';

const admin = { id: 'u-1', email: 'admin@example.com', displayName: 'Admin', role: 'admin' } as const;
const integrator = { ...admin, id: 'u-2', email: 'api@example.com', role: 'integrator' } as const;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function tokenResponse(user: typeof admin | typeof integrator = admin) {
  return json(200, { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900, user });
}

function renderLogin(entry: InitialEntry = '/login') {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/', element: <p>Live page</p> },
      { path: '/events', element: <p>Events page</p> },
      { path: '/dashboard', element: <p>Dashboard page</p> },
    ],
    { initialEntries: [entry] },
  );
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

function fillIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

beforeEach(() => {
  useAuthStore.getState().clearSession();
});

describe('LoginPage', () => {
  it('labels its fields, focuses the email field and submits with Enter', async () => {
    const fetch = vi.fn(async () => tokenResponse());
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    const email = screen.getByLabelText('Email');
    expect(document.activeElement).toBe(email);
    fillIn(' admin@example.com ', 'secret');
    fireEvent.submit(email.closest('form')!);

    expect(await screen.findByText('Live page')).toBeTruthy();
    expect(fetch).toHaveBeenCalledWith('/api/auth/login', expect.anything());
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(JSON.parse(String(init.body))).toEqual({ email: 'admin@example.com', password: 'secret' });
    expect(useAuthStore.getState().accessToken).toBe('a');
  });

  it("announces the API's message on bad credentials, clears the password and focuses it", async () => {
    vi.stubGlobal('fetch', async () =>
      json(401, { error: { code: 'AUTH.INVALID_CREDENTIALS', message: 'Invalid email or password.' } }),
    );
    renderLogin();

    fillIn('admin@example.com', 'wrong');
    submit();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Invalid email or password.');
    const password = screen.getByLabelText<HTMLInputElement>('Password');
    expect(password.value).toBe('');
    expect(document.activeElement).toBe(password);
    expect(useAuthStore.getState().refreshToken).toBeNull();
  });

  it('shows validation details next to the field they concern', async () => {
    vi.stubGlobal('fetch', async () =>
      json(400, {
        error: {
          code: 'VALIDATION.FAILED',
          message: 'The request is invalid.',
          details: [{ field: 'email', message: 'email must be an email' }],
        },
      }),
    );
    renderLogin();

    fillIn('not-an-email', 'secret');
    submit();

    expect((await screen.findByRole('alert')).textContent).toBe('The request is invalid.');
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = email.getAttribute('aria-describedby');
    expect(describedBy && document.getElementById(describedBy)?.textContent).toBe('email must be an email');
    expect(document.activeElement).toBe(email);
  });

  it('tells the user when to retry after too many attempts', async () => {
    vi.stubGlobal('fetch', async () =>
      json(
        429,
        { error: { code: 'RATE_LIMIT.EXCEEDED', message: 'Too many sign-in attempts.' } },
        { 'Retry-After': '30' },
      ),
    );
    renderLogin();

    fillIn('admin@example.com', 'secret');
    submit();

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many sign-in attempts. You can try again in 30 s.',
    );
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    renderLogin();

    fillIn('admin@example.com', 'secret');
    submit();

    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot reach the server/i);
  });

  it('asks for missing fields without calling the API', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    submit();

    expect(screen.getByText('Enter your email address.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Email'));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('disables the submit button while signing in, then returns to the page the user came from', async () => {
    let respond: (response: Response) => void = () => undefined;
    const fetch = vi.fn(() => new Promise<Response>((resolve) => (respond = resolve)));
    vi.stubGlobal('fetch', fetch);
    const router = renderLogin({
      pathname: '/login',
      state: { from: { pathname: '/events', search: '?camera=7' } },
    });

    fillIn('admin@example.com', 'secret');
    submit();

    const busy = await screen.findByRole<HTMLButtonElement>('button', { name: 'Signing in…' });
    expect(busy.disabled).toBe(true);
    fireEvent.click(busy);
    fireEvent.submit(busy.closest('form')!);
    expect(fetch).toHaveBeenCalledTimes(1);

    respond(tokenResponse());
    expect(await screen.findByText('Events page')).toBeTruthy();
    expect(router.state.location.search).toBe('?camera=7');
  });

  it('sends an integrator to the dashboard rather than the Live page', async () => {
    vi.stubGlobal('fetch', async () => tokenResponse(integrator));
    renderLogin({ pathname: '/login', state: { from: { pathname: '/' } } });

    fillIn('api@example.com', 'secret');
    submit();

    expect(await screen.findByText('Dashboard page')).toBeTruthy();
  });
});
