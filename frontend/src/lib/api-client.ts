export const ErrorCodes = {
  TOKEN_EXPIRED: 'AUTH.TOKEN_EXPIRED',
  INVALID_CREDENTIALS: 'AUTH.INVALID_CREDENTIALS',
  VALIDATION_FAILED: 'VALIDATION.FAILED',
  RATE_LIMITED: 'RATE_LIMIT.EXCEEDED',
  /** Client-side only: the request never got an HTTP response. */
  NETWORK_UNREACHABLE: 'NETWORK.UNREACHABLE',
} as const;

export interface FieldError {
  field: string;
  message: string;
}

interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  retryAfterSeconds?: number;
}

/** Every failed call to /api ends up as one of these, whatever the server sent. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The `details: [{field, message}]` of a VALIDATION.FAILED error, keyed by field. */
  fieldErrors(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    const errors: Record<string, string> = {};
    for (const item of this.details as unknown[]) {
      if (isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string') {
        errors[item.field] ??= item.message;
      }
    }
    return errors;
  }
}

export interface AuthHandlers {
  getAccessToken: () => string | null;
  /** Gets a new access token; resolves null when the session is over. */
  refreshAccessToken: () => Promise<string | null>;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  auth?: AuthHandlers;
}

export interface RequestOptions {
  body?: unknown;
  headers?: HeadersInit;
  signal?: AbortSignal;
  /** No bearer token and no refresh-and-retry (login, refresh, logout). */
  skipAuth?: boolean;
  /** `blob` for binary answers such as images; errors are still read from the JSON envelope. */
  responseType?: 'json' | 'blob';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type BodylessOptions = Omit<RequestOptions, 'body'>;

export interface ApiClient {
  request<T>(method: Method, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: BodylessOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: BodylessOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: BodylessOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: BodylessOptions): Promise<T>;
  delete<T>(path: string, options?: BodylessOptions): Promise<T>;
  /** Shared by every caller: concurrent callers wait for the same refresh. */
  refreshAccessToken(): Promise<string | null>;
  setAuth(auth: AuthHandlers | null): void;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '/api';
  // Resolved per call so tests and polyfills that replace globalThis.fetch are honoured.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let auth = options.auth ?? null;
  let inFlightRefresh: Promise<string | null> | null = null;

  function refreshAccessToken(): Promise<string | null> {
    if (!auth) return Promise.resolve(null);
    inFlightRefresh ??= auth.refreshAccessToken().finally(() => {
      inFlightRefresh = null;
    });
    return inFlightRefresh;
  }

  async function send(method: Method, path: string, token: string | null, options: RequestOptions) {
    const headers = new Headers(options.headers);
    headers.set('Accept', options.responseType === 'blob' ? '*/*' : 'application/json');
    if (options.body !== undefined) headers.set('Content-Type', 'application/json');
    if (token) headers.set('Authorization', `Bearer ${token}`);
    try {
      return await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        credentials: 'same-origin',
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new ApiError({
        status: 0,
        code: ErrorCodes.NETWORK_UNREACHABLE,
        message: 'Cannot reach the server. Check the network connection and try again.',
      });
    }
  }

  async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    const handlers = options.skipAuth ? null : auth;
    const token = handlers?.getAccessToken() ?? null;
    let response = await send(method, path, token, options);

    if (handlers && response.status === 401) {
      const error = await toApiError(response);
      if (error.code !== ErrorCodes.TOKEN_EXPIRED) throw error;
      // Another request may already have refreshed while this one was in flight.
      const current = handlers.getAccessToken();
      const fresh = current && current !== token ? current : await refreshAccessToken();
      if (!fresh) throw error;
      response = await send(method, path, fresh, options);
    }

    if (!response.ok) throw await toApiError(response);
    if (options.responseType === 'blob') return (await response.blob()) as T;
    return (await readBody(response)) as T;
  }

  return {
    request,
    get: (path, opts) => request('GET', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
    delete: (path, opts) => request('DELETE', path, opts),
    refreshAccessToken,
    setAuth(next) {
      auth = next;
    },
  };
}

/** The app's client; features/auth plugs the session in at startup. */
export const apiClient = createApiClient();

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? JSON.parse(text) : text;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a proxy error page, for example. Fall back to the status below.
  }
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = typeof envelope?.code === 'string' ? envelope.code : `HTTP.${response.status}`;
  const message =
    typeof envelope?.message === 'string' && envelope.message !== ''
      ? envelope.message
      : fallbackMessage(response.status);
  return new ApiError({
    status: response.status,
    code,
    message,
    details: envelope?.details,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

function fallbackMessage(status: number): string {
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status === 502 || status === 503 || status === 504) {
    return 'The server is unavailable right now. Try again in a moment.';
  }
  return `The request failed (HTTP ${status}).`;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isAbortError(error: unknown): boolean {
  // Not `instanceof Error`: DOMException is not an Error in every environment.
  return isRecord(error) && error.name === 'AbortError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
