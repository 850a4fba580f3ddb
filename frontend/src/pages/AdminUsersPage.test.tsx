import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiKey } from '@/features/api-keys/types';
import { useAuthStore } from '@/features/auth/store';
import type { ManagedUser } from '@/features/users/types';
import { AdminUsersPage } from './AdminUsersPage';

const me: ManagedUser = {
  id: '11111111-1111-4111-8111-111111111111',
  email: 'admin@example.com',
  displayName: 'Admin',
  role: 'admin',
  disabled: false,
  createdAt: '2024-04-01T10:00:00.000Z',
};
const operator: ManagedUser = {
  ...me,
  id: '22222222-2222-4222-8222-222222222222',
  email: 'op@example.com',
  displayName: 'Op',
  role: 'operator',
};
const key: ApiKey = {
  id: '6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01',
  name: 'Access control sync',
  createdAt: '2024-04-02T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

type Handler = (method: string, path: string, body: unknown) => Response | undefined;

/** Lists the users and keys; `handler` answers everything else (and may override the lists). */
function stubApi(handler: Handler = () => undefined) {
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = String(input);
    const body: unknown = init?.body ? JSON.parse(String(init.body)) : undefined;
    const answer = handler(method, path, body);
    if (answer) return answer;
    if (method === 'GET' && path === '/api/users') return json(200, [me, operator]);
    if (method === 'GET' && path === '/api/api-keys') return json(200, [key]);
    throw new Error(`unexpected ${method} ${path}`);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderPage() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <AdminUsersPage />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  useAuthStore.getState().setSession({
    accessToken: 'a',
    refreshToken: 'r',
    tokenType: 'Bearer',
    expiresIn: 900,
    user: { id: me.id, email: me.email, displayName: me.displayName, role: 'admin' },
  });
});

describe('AdminUsersPage: users', () => {
  it('lists users with role and status, and keeps admins from locking themselves out', async () => {
    stubApi();
    renderPage();

    const rows = await screen.findAllByTestId('user-row');
    expect(rows).toHaveLength(2);
    expect(screen.getByRole('columnheader', { name: 'Role' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Role of op@example.com').value).toBe('operator');
    expect(within(rows[1]!).getByText('Active')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Delete admin@example.com' }).disabled).toBe(true);
    expect(screen.getByLabelText<HTMLSelectElement>('Role of admin@example.com').disabled).toBe(true);
  });

  it("shows the API's validation errors next to the fields of the new user", async () => {
    const fetch = stubApi((method, path) =>
      method === 'POST' && path === '/api/users'
        ? json(400, {
            error: {
              code: 'VALIDATION.FAILED',
              message: 'The request is invalid',
              details: [
                { field: 'email', message: 'email must be an email' },
                { field: 'password', message: 'password must be longer than or equal to 10 characters' },
              ],
            },
          })
        : undefined,
    );
    renderPage();
    await screen.findAllByTestId('user-row');

    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a user' });
    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'nope' } });
    fireEvent.change(within(dialog).getByLabelText('Password (at least 10 characters)'), { target: { value: 'short' } });
    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: 'integrator' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add user' }));

    const email = within(dialog).getByLabelText('Email');
    await vi.waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe('email must be an email');
    expect(within(dialog).getByText('password must be longer than or equal to 10 characters')).toBeTruthy();
    expect(document.activeElement).toBe(email);
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ email: 'nope', password: 'short', role: 'integrator' });
  });

  it('marks a taken email on the email field', async () => {
    stubApi((method) =>
      method === 'POST'
        ? json(409, { error: { code: 'USER.EMAIL_TAKEN', message: 'A user with this email already exists' } })
        : undefined,
    );
    renderPage();
    await screen.findAllByTestId('user-row');

    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'op@example.com' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add user' }));

    expect(await within(dialog).findByText('A user with this email already exists')).toBeTruthy();
  });

  it('deletes a user only after a confirmation that names them', async () => {
    let users = [me, operator];
    const fetch = stubApi((method, path) => {
      if (method === 'DELETE' && path === `/api/users/${operator.id}`) {
        users = [me];
        return new Response(null, { status: 204 });
      }
      if (method === 'GET' && path === '/api/users') return json(200, users);
      return undefined;
    });
    renderPage();
    await screen.findAllByTestId('user-row');

    fireEvent.click(screen.getByRole('button', { name: 'Delete op@example.com' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete op@example.com?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fetch).not.toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ method: 'DELETE' }));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete user' }));

    expect(await screen.findByText('op@example.com was deleted.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    await vi.waitFor(() => expect(screen.getAllByTestId('user-row')).toHaveLength(1));
  });

  it('keeps the confirmation open with the reason when the API refuses', async () => {
    stubApi((method) =>
      method === 'PATCH'
        ? json(409, {
            error: { code: 'USER.LAST_ADMIN', message: 'The last active admin cannot be removed, disabled or demoted' },
          })
        : undefined,
    );
    renderPage();
    await screen.findAllByTestId('user-row');

    fireEvent.change(screen.getByLabelText('Role of op@example.com'), { target: { value: 'admin' } });
    const dialog = screen.getByRole('dialog', { name: 'Change the role of op@example.com?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Make admin' }));

    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/last active admin/);
  });
});

describe('AdminUsersPage: API keys', () => {
  it('lists keys by name and public prefix', async () => {
    stubApi();
    renderPage();

    const [row] = await screen.findAllByTestId('api-key-row');
    expect(within(row!).getByText('Access control sync')).toBeTruthy();
    expect(within(row!).getByText('vms_6f1c2b1e…')).toBeTruthy();
    expect(within(row!).getByText('Never')).toBeTruthy();
  });

  it('shows a new key once, with a warning and a copy button, and forgets it when closed', async () => {
    const secret = 'vms_99999999-9999-4999-8999-999999999999.s3cr3t';
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    stubApi((method, _path, body) =>
      method === 'POST'
        ? json(201, { ...key, id: '99999999-9999-4999-8999-999999999999', name: (body as { name: string }).name, key: secret })
        : undefined,
    );
    renderPage();
    await screen.findAllByTestId('api-key-row');

    fireEvent.click(screen.getByRole('button', { name: 'Create API key' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Parking system' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));

    const dialog = await screen.findByRole('dialog', { name: 'API key “Parking system” created' });
    expect(within(dialog).getByRole('alert').textContent).toMatch(/will not be shown again/);
    expect(within(dialog).getByLabelText<HTMLInputElement>('API key').value).toBe(secret);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy the API key' }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith(secret));
    expect(await within(dialog).findByText('Copied to the clipboard.')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'I have stored the key' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.textContent).not.toContain('s3cr3t');
  });

  it('revokes a key after confirmation', async () => {
    const fetch = stubApi((method) => (method === 'DELETE' ? new Response(null, { status: 204 }) : undefined));
    renderPage();
    await screen.findAllByTestId('api-key-row');

    fireEvent.click(screen.getByRole('button', { name: 'Revoke Access control sync' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke the key “Access control sync”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }));

    expect(await screen.findByText('The key “Access control sync” was revoked.')).toBeTruthy();
    expect(fetch).toHaveBeenCalledWith(`/api/api-keys/${key.id}`, expect.objectContaining({ method: 'DELETE' }));
  });
});
