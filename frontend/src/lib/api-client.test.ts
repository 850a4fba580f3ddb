import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, type AuthHandlers } from './api-client';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

const expired = () => json(401, { error: { code: 'AUTH.TOKEN_EXPIRED', message: 'Token expired' } });

function authorization(init: RequestInit | undefined): string | null {
  return new Headers(init?.headers).get('Authorization');
}

/** A session whose refreshes swap "old" for "new" once the test lets them finish. */
function fakeSession() {
  let token = 'old';
  const pending: Array<() => void> = [];
  const handlers: AuthHandlers = {
    getAccessToken: () => token,
    refreshAccessToken: vi.fn(
      () =>
        new Promise<string | null>((resolve) => {
          pending.push(() => {
            token = 'new';
            resolve(token);
          });
        }),
    ),
  };
  return { handlers, finishRefreshes: () => pending.forEach((finish) => finish()) };
}

describe('api client', () => {
  it('sends JSON to /api with the bearer token and returns the parsed body', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => json(200, { id: 'cam-1' }));
    const client = createApiClient({
      fetch,
      auth: { getAccessToken: () => 'abc', refreshAccessToken: async () => null },
    });

    const result = await client.post<{ id: string }>('/cameras', { name: 'Gate' });

    expect(result).toEqual({ id: 'cam-1' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/cameras');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(JSON.stringify({ name: 'Gate' }));
    expect(authorization(init)).toBe('Bearer abc');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  it('returns binary answers as a Blob when asked, with the bearer token', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(
      async () => new Response(new Uint8Array([0xff, 0xd8, 0xff]), { status: 200, headers: { 'Content-Type': 'image/jpeg' } }),
    );
    const client = createApiClient({ fetch, auth: { getAccessToken: () => 'abc', refreshAccessToken: async () => null } });

    const blob = await client.get<Blob>('/streaming/cameras/1/snapshot', { responseType: 'blob' });

    expect(blob.type).toBe('image/jpeg');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
    expect(authorization(fetch.mock.calls[0]![1])).toBe('Bearer abc');
  });

  it('returns undefined for 204 No Content', async () => {
    const client = createApiClient({ fetch: async () => new Response(null, { status: 204 }) });
    await expect(client.delete('/cameras/1')).resolves.toBeUndefined();
  });

  it('parses the error envelope into an ApiError with code, message, status and details', async () => {
    const details = [
      { field: 'email', message: 'email must be an email' },
      { field: 'password', message: 'password should not be empty' },
    ];
    const client = createApiClient({
      fetch: async () =>
        json(400, { error: { code: 'VALIDATION.FAILED', message: 'Invalid request', details } }),
    });

    const error = await client.post('/auth/login', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('VALIDATION.FAILED');
    expect(apiError.message).toBe('Invalid request');
    expect(apiError.details).toEqual(details);
    expect(apiError.fieldErrors()).toEqual({
      email: 'email must be an email',
      password: 'password should not be empty',
    });
  });

  it('reads Retry-After on a 429', async () => {
    const client = createApiClient({
      fetch: async () =>
        json(429, { error: { code: 'RATE_LIMIT.EXCEEDED', message: 'Slow down' } }, { 'Retry-After': '42' }),
    });
    await expect(client.get('/cameras')).rejects.toMatchObject({
      status: 429,
      code: 'RATE_LIMIT.EXCEEDED',
      retryAfterSeconds: 42,
    });
  });

  it('turns a response without an envelope into an ApiError named after the status', async () => {
    const client = createApiClient({
      fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });
    await expect(client.get('/cameras')).rejects.toMatchObject({
      status: 502,
      code: 'HTTP.502',
      message: 'The server is unavailable right now. Try again in a moment.',
    });
  });

  it('turns a network failure into NETWORK.UNREACHABLE with status 0', async () => {
    const client = createApiClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(client.get('/cameras')).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK.UNREACHABLE',
    });
  });

  it('lets an aborted request reject with the AbortError, not an ApiError', async () => {
    const client = createApiClient({
      fetch: async () => {
        throw new DOMException('The operation was aborted.', 'AbortError');
      },
    });
    const error = await client.get('/cameras').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('refreshes once on AUTH.TOKEN_EXPIRED and retries concurrent requests with the new token', async () => {
    const session = fakeSession();
    const fetch = vi.fn<typeof globalThis.fetch>(async (_url, init) =>
      authorization(init) === 'Bearer new' ? json(200, { ok: true }) : expired(),
    );
    const client = createApiClient({ fetch, auth: session.handlers });

    const requests = [client.get('/cameras'), client.get('/mosaics'), client.get('/dashboard')];
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
    await vi.waitFor(() => expect(session.handlers.refreshAccessToken).toHaveBeenCalled());
    session.finishRefreshes();

    await expect(Promise.all(requests)).resolves.toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(session.handlers.refreshAccessToken).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(6);
    expect(fetch.mock.calls.slice(3).map(([, init]) => authorization(init))).toEqual([
      'Bearer new',
      'Bearer new',
      'Bearer new',
    ]);
  });

  it('retries without refreshing when the token already changed while the request was in flight', async () => {
    let token = 'old';
    const refreshAccessToken = vi.fn(async () => 'unused');
    const fetch = vi.fn<typeof globalThis.fetch>(async (_url, init) => {
      if (authorization(init) === 'Bearer new') return json(200, { ok: true });
      token = 'new'; // another request refreshed meanwhile
      return expired();
    });
    const client = createApiClient({ fetch, auth: { getAccessToken: () => token, refreshAccessToken } });

    await expect(client.get('/cameras')).resolves.toEqual({ ok: true });
    expect(refreshAccessToken).not.toHaveBeenCalled();
  });

  it('retries only once: a second TOKEN_EXPIRED is thrown to the caller', async () => {
    let token = 't1';
    const refreshAccessToken = vi.fn(async () => {
      token = `t${Number(token.slice(1)) + 1}`;
      return token;
    });
    const fetch = vi.fn<typeof globalThis.fetch>(async () => expired());
    const client = createApiClient({ fetch, auth: { getAccessToken: () => token, refreshAccessToken } });

    await expect(client.get('/cameras')).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
    expect(refreshAccessToken).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('throws the original 401 when the session cannot be refreshed', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => expired());
    const client = createApiClient({
      fetch,
      auth: { getAccessToken: () => 'old', refreshAccessToken: async () => null },
    });

    await expect(client.get('/cameras')).rejects.toMatchObject({ status: 401, code: 'AUTH.TOKEN_EXPIRED' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('does not refresh on other 401 codes', async () => {
    const refreshAccessToken = vi.fn(async () => 'new');
    const client = createApiClient({
      fetch: async () => json(401, { error: { code: 'AUTH.TOKEN_INVALID', message: 'Bad token' } }),
      auth: { getAccessToken: () => 'old', refreshAccessToken },
    });

    await expect(client.get('/cameras')).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    expect(refreshAccessToken).not.toHaveBeenCalled();
  });

  it('sends no token and never refreshes for skipAuth requests', async () => {
    const refreshAccessToken = vi.fn(async () => 'new');
    const fetch = vi.fn<typeof globalThis.fetch>(async () => expired());
    const client = createApiClient({ fetch, auth: { getAccessToken: () => 'old', refreshAccessToken } });

    await expect(client.post('/auth/login', {}, { skipAuth: true })).rejects.toBeInstanceOf(ApiError);
    expect(authorization(fetch.mock.calls[0]![1])).toBeNull();
    expect(refreshAccessToken).not.toHaveBeenCalled();
  });
});
