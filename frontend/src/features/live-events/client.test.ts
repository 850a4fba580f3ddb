import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelayMs, LiveEventsClient, type LiveAuth, type SocketLike } from './client';
import { createLiveEventsStore, type LiveEventsStore } from './store';
import type { ClientMessage } from './types';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

/** Stands in for the browser's WebSocket; the test plays the server. */
class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly sent: ClientMessage[] = [];
  closedWith: number | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(JSON.parse(data) as ClientMessage);
  }

  close(code = 1000): void {
    this.closedWith = code;
    this.readyState = 3;
  }

  /** The server accepted the token: open, then `ready`. */
  accept(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
    this.push({ type: 'ready' });
  }

  push(message: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
  }

  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close', { code }));
  }
}

class FakeAuth implements LiveAuth {
  token: string | null = 'token-1';
  refreshes = 0;
  nextRefresh: () => Promise<string | null> = async () => `token-r${this.refreshes}`;
  private listeners = new Set<(token: string | null) => void>();

  getAccessToken = () => this.token;
  refreshAccessToken = () => {
    this.refreshes += 1;
    return this.nextRefresh().then((token) => {
      this.setToken(token);
      return token;
    });
  };
  onAccessTokenChange = (listener: (token: string | null) => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  setToken(token: string | null): void {
    this.token = token;
    for (const listener of this.listeners) listener(token);
  }
  get listening(): number {
    return this.listeners.size;
  }
}

let sockets: FakeSocket[];
let auth: FakeAuth;
let store: LiveEventsStore;

function newClient(): LiveEventsClient {
  return new LiveEventsClient({
    store,
    auth,
    url: (token) => `ws://vms.test/ws?access_token=${token}`,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    backoff: { initialMs: 1000, maxMs: 8000 },
    idleCloseMs: 5000,
    random: () => 1,
  });
}

const last = () => sockets.at(-1)!;
const subscriptions = (socket: FakeSocket) => socket.sent.filter((message) => message.type !== 'auth');
/** Lets token promises and the end-of-tick flush run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  auth = new FakeAuth();
  store = createLiveEventsStore();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('backoffDelayMs', () => {
  it('doubles from the initial delay up to the cap, jittered into the upper half', () => {
    const options = { initialMs: 500, maxMs: 30_000 };
    expect([1, 2, 3, 4, 7, 8, 20].map((attempt) => backoffDelayMs(attempt, options, () => 1))).toEqual([500, 1000, 2000, 4000, 30_000, 30_000, 30_000]);
    expect(backoffDelayMs(3, options, () => 0)).toBe(1000);
    expect(backoffDelayMs(3, options, () => 0.5)).toBe(1500);
  });
});

describe('LiveEventsClient', () => {
  it('connects on the first subscription with the session token and subscribes once ready', async () => {
    const client = newClient();
    expect(sockets).toHaveLength(0);
    client.subscribeCamera(A);
    client.subscribeCamera(B);
    await settle();
    expect(sockets).toHaveLength(1);
    expect(last().url).toBe('ws://vms.test/ws?access_token=token-1');
    expect(store.getState().connection.state).toBe('connecting');
    last().accept();
    expect(store.getState().connection).toEqual({ state: 'open', retryAt: null, attempt: 0 });
    expect(last().sent).toEqual([{ type: 'subscribe', cameraIds: [A, B] }]);
  });

  it('counts references: a camera is subscribed by its first user and released by its last', async () => {
    const client = newClient();
    client.subscribeCamera(A);
    await settle();
    last().accept();
    const socket = last();
    const tile = client.subscribeCamera(B);
    const panel = client.subscribeCamera(B);
    const other = client.subscribeCamera(C);
    await settle();
    expect(subscriptions(socket)).toEqual([{ type: 'subscribe', cameraIds: [A] }, { type: 'subscribe', cameraIds: [B, C] }]);

    tile();
    tile(); // a second call of the same release is a no-op
    await settle();
    expect(socket.sent).toHaveLength(2);
    panel();
    other();
    await settle();
    expect(socket.sent.at(-1)).toEqual({ type: 'unsubscribe', cameraIds: [B, C] });
    expect(client.wantedCameras()).toEqual([A]);
  });

  it('sends at most 64 camera ids per message', async () => {
    const client = newClient();
    const ids = Array.from({ length: 70 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    for (const id of ids) client.subscribeCamera(id);
    await settle();
    last().accept();
    expect(last().sent.map((message) => (message.type === 'auth' ? 0 : message.cameraIds.length))).toEqual([64, 6]);
  });

  it('re-authenticates the open socket when the session refreshes its token', async () => {
    const client = newClient();
    client.subscribeCamera(A);
    await settle();
    last().accept();
    auth.setToken('token-2');
    expect(last().sent.at(-1)).toEqual({ type: 'auth', token: 'token-2' });
  });

  it('closes the socket at once when the session drops its token, and reconnects only for a new sign-in', async () => {
    const client = newClient();
    client.subscribeCamera(A);
    await settle();
    last().accept();
    auth.nextRefresh = async () => null; // signed out: nothing to refresh
    auth.setToken(null);
    expect(last().closedWith).toBe(1000);
    await settle();
    expect(store.getState().connection.state).toBe('signed-out');
    expect(sockets).toHaveLength(1);
    auth.setToken('next-user');
    await settle();
    expect(sockets).toHaveLength(2);
    expect(last().url).toContain('next-user');
  });

  it('sends a token refreshed while the socket was opening as soon as it is ready', async () => {
    const client = newClient();
    client.subscribeCamera(A);
    await settle();
    auth.setToken('token-2');
    last().accept();
    expect(last().sent[0]).toEqual({ type: 'auth', token: 'token-2' });
  });

  it('retryNow after a 4401 still does not reuse the refused token', async () => {
    const client = newClient();
    client.subscribeCamera(A);
    await settle();
    last().accept();
    last().drop(4401);
    client.retryNow();
    await settle();
    expect(auth.refreshes).toBe(1);
    expect(last().url).toContain('token-r1');
  });

  it('reconnects with growing delays and re-subscribes the cameras wanted now', async () => {
    const client = newClient();
    client.subscribeCamera(A);
    const releaseB = client.subscribeCamera(B);
    await settle();
    last().accept();

    last().drop();
    expect(store.getState().connection).toMatchObject({ state: 'reconnecting', attempt: 1, retryAt: Date.now() + 1000 });
    // Changes while disconnected: B released, C wanted.
    releaseB();
    client.subscribeCamera(C);
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);

    last().drop(); // refused before ready: attempt 2
    await vi.advanceTimersByTimeAsync(1999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    last().drop();
    await vi.advanceTimersByTimeAsync(4000);
    expect(sockets).toHaveLength(4);
    expect(store.getState().connection.attempt).toBe(3);

    last().accept();
    expect(last().sent).toEqual([{ type: 'subscribe', cameraIds: [A, C] }]);
    expect(store.getState().connection).toEqual({ state: 'open', retryAt: null, attempt: 0 });

    // A success resets the backoff.
    last().drop();
    expect(store.getState().connection).toMatchObject({ attempt: 1, retryAt: Date.now() + 1000 });
  });

  it('after a 4401 reconnects with a refreshed token, not the refused one', async () => {
    const client = newClient();
    client.subscribeCamera(A);
    await settle();
    last().accept();
    last().drop(4401);
    await vi.advanceTimersByTimeAsync(1000);
    expect(auth.refreshes).toBe(1);
    expect(last().url).toBe('ws://vms.test/ws?access_token=token-r1');
  });

  it('uses a token the session refreshed meanwhile without refreshing again', async () => {
    const client = newClient();
    client.subscribeCamera(A);
    await settle();
    last().drop(4401);
    auth.token = 'token-from-the-refresh-timer';
    await vi.advanceTimersByTimeAsync(1000);
    expect(auth.refreshes).toBe(0);
    expect(last().url).toContain('token-from-the-refresh-timer');
  });

  it('refreshes first when the session has no usable token (after a reload)', async () => {
    auth.token = null;
    const client = newClient();
    client.subscribeCamera(A);
    await settle();
    expect(auth.refreshes).toBe(1);
    expect(last().url).toContain('token-r1');
  });

  it('retries with backoff when the refresh fails, and waits for a new sign-in when the session is over', async () => {
    auth.token = null;
    auth.nextRefresh = () => Promise.reject(new Error('network'));
    const client = newClient();
    client.subscribeCamera(A);
    await settle();
    expect(sockets).toHaveLength(0);
    expect(store.getState().connection.state).toBe('reconnecting');

    auth.nextRefresh = async () => null;
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.getState().connection.state).toBe('signed-out');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(0);

    auth.setToken('signed-in-again');
    await settle();
    expect(last().url).toContain('signed-in-again');
  });

  it('puts pushes for wanted cameras into the store and ignores the rest', async () => {
    const client = newClient();
    client.subscribeCamera(A);
    await settle();
    last().accept();
    const boxes = { cameraId: A, timestamp: '2025-01-01T00:00:00.000Z', frameId: 'f', detections: [] };
    last().push({ type: 'detection.boxes', data: boxes });
    last().push({ type: 'detection.boxes', data: { ...boxes, cameraId: B } });
    last().push({ type: 'camera.status.changed', data: { cameraId: A, status: 'offline' } });
    last().push({ type: 'detection.created', data: { ...boxes, detections: [{ class: 'car', confidence: 0.5, bbox: [0, 0, 1, 1], trackId: 1 }], snapshotUrl: null } });
    last().onmessage?.(new MessageEvent('message', { data: 'not json' }));
    const state = store.getState();
    expect(Object.keys(state.boxes)).toEqual([A]);
    expect(state.statuses[A]?.status).toBe('offline');
    expect(state.recent.map((row) => row.class)).toEqual(['car']);
  });

  it('closes the socket a while after the last camera is released, without reconnecting', async () => {
    const client = newClient();
    const release = client.subscribeCamera(A);
    await settle();
    last().accept();
    release();
    await vi.advanceTimersByTimeAsync(4999);
    // Coming back within the grace period (a page change) keeps the socket.
    const again = client.subscribeCamera(A);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(last().closedWith).toBeNull();
    again();
    await vi.advanceTimersByTimeAsync(5000);
    expect(last().closedWith).toBe(1000);
    expect(store.getState().connection.state).toBe('idle');
    expect(auth.listening).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('retryNow skips the backoff wait', async () => {
    const client = newClient();
    client.subscribeCamera(A);
    await settle();
    last().drop();
    client.retryNow();
    await settle();
    expect(sockets).toHaveLength(2);
  });
});
