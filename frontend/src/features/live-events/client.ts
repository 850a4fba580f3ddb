import type { LiveEventsStore } from './store';
import type { ClientMessage, ServerMessage } from './types';

/** The part of the browser's WebSocket the client uses (tests inject a fake). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface LiveAuth {
  /** The current access token, or null when there is none or it is about to expire. */
  getAccessToken(): string | null;
  /** Gets a fresh access token; null when the session is over (signed out or refused). */
  refreshAccessToken(): Promise<string | null>;
  /** Calls back with the new access token whenever the session's token changes. */
  onAccessTokenChange(listener: (token: string | null) => void): () => void;
}

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export interface LiveEventsClientOptions {
  store: LiveEventsStore;
  auth: LiveAuth;
  /** The socket URL for a token (`wss://host/ws?access_token=...`). */
  url: (token: string) => string;
  createSocket: (url: string) => SocketLike;
  backoff?: BackoffOptions;
  /** How long the socket stays open after the last camera is released (page changes). */
  idleCloseMs?: number;
  random?: () => number;
  now?: () => number;
}

/** The gateway accepts at most this many camera ids per message. */
export const MAX_IDS_PER_MESSAGE = 64;
const OPEN = 1;
const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000 };

/**
 * Exponential backoff with "equal jitter": attempt 1 waits between initial/2 and initial,
 * each further attempt doubles that, capped at maxMs; the jitter spreads reconnecting tabs.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * One WebSocket to `/ws` for the whole app. Components ask for cameras with `subscribeCamera`
 * (reference-counted); the client connects while any camera is wanted, re-authenticates when the
 * session's token changes, reconnects with backoff and re-subscribes every wanted camera.
 */
export class LiveEventsClient {
  private readonly wanted = new Map<string, number>();
  private socket: SocketLike | null = null;
  private ready = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the scheduled retry must not reuse the last token (it was refused). */
  private retryRefresh = false;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** Camera ids to (un)subscribe on the open socket, sent together at the end of the tick. */
  private pending = new Map<string, 'subscribe' | 'unsubscribe'>();
  private flushQueued = false;
  /** A token is being fetched for the next socket. */
  private connecting = false;
  /** Bumped whenever a connection attempt is abandoned, so late token answers are ignored. */
  private generation = 0;
  private stopAuthListener: (() => void) | null = null;
  private lastToken: string | null = null;
  private readonly backoff: BackoffOptions;
  private readonly idleCloseMs: number;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly options: LiveEventsClientOptions) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.idleCloseMs = options.idleCloseMs ?? 5_000;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /** Wants live events of a camera until the returned function is called (once). */
  subscribeCamera(cameraId: string): () => void {
    const count = this.wanted.get(cameraId) ?? 0;
    this.wanted.set(cameraId, count + 1);
    if (count === 0) this.queue(cameraId, 'subscribe');
    this.clearIdleTimer();
    this.start();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(cameraId);
    };
  }

  /** The cameras currently wanted (with at least one subscriber). */
  wantedCameras(): string[] {
    return [...this.wanted.keys()];
  }

  /** Skips the backoff wait (the browser came back online, the tab became visible). */
  retryNow(): void {
    if (this.retryTimer === null) return;
    this.clearRetryTimer();
    void this.connect(this.retryRefresh);
  }

  /** Closes the socket and forgets every subscription. */
  shutdown(): void {
    this.wanted.clear();
    this.pending.clear();
    this.stop();
  }

  private release(cameraId: string): void {
    const count = this.wanted.get(cameraId) ?? 0;
    if (count <= 1) {
      this.wanted.delete(cameraId);
      this.queue(cameraId, 'unsubscribe');
    } else {
      this.wanted.set(cameraId, count - 1);
    }
    if (this.wanted.size === 0 && this.idleTimer === null) {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        if (this.wanted.size === 0) this.stop();
      }, this.idleCloseMs);
    }
  }

  private start(): void {
    if (!this.stopAuthListener) {
      this.stopAuthListener = this.options.auth.onAccessTokenChange((token) => this.handleTokenChange(token));
    }
    if (this.socket || this.retryTimer !== null || this.connecting) return;
    void this.connect();
  }

  private stop(): void {
    this.generation += 1;
    this.clearRetryTimer();
    this.clearIdleTimer();
    this.stopAuthListener?.();
    this.stopAuthListener = null;
    this.connecting = false;
    this.pending.clear();
    this.closeSocket();
    this.attempt = 0;
    this.setConnection('idle');
  }

  /**
   * Gets a token and opens the socket. After a 4401 (`refresh`) the token that was refused is not
   * used again: a newer one from the session, or a refreshed one.
   */
  private async connect(refresh = false): Promise<void> {
    if (this.wanted.size === 0) return;
    const generation = ++this.generation;
    this.connecting = true;
    this.setConnection('connecting');
    let token: string | null;
    try {
      const current = this.options.auth.getAccessToken();
      const usable = current !== null && !(refresh && current === this.lastToken);
      token = usable ? current : await this.options.auth.refreshAccessToken();
    } catch {
      if (generation !== this.generation) return;
      this.connecting = false;
      this.scheduleReconnect(refresh);
      return;
    }
    if (generation !== this.generation) return;
    this.connecting = false;
    if (!token) {
      // The session is over; handleTokenChange connects again when the user signs back in.
      this.setConnection('signed-out');
      return;
    }
    this.open(token);
  }

  private open(token: string): void {
    this.lastToken = token;
    this.ready = false;
    // Whatever was queued is covered by the full subscription sent once the socket is ready.
    this.pending.clear();
    const socket = this.options.createSocket(this.options.url(token));
    this.socket = socket;
    socket.onmessage = (event) => {
      if (this.socket === socket) this.handleMessage(event.data);
    };
    socket.onclose = (event) => {
      if (this.socket === socket) this.handleClose(event.code);
    };
    socket.onerror = () => undefined;
  }

  private handleMessage(raw: unknown): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(raw)) as ServerMessage;
    } catch {
      return;
    }
    const store = this.options.store.getState();
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        this.attempt = 0;
        this.setConnection('open');
        // The session may have refreshed while the socket was opening.
        const current = this.options.auth.getAccessToken();
        if (current && current !== this.lastToken) {
          this.lastToken = current;
          this.send({ type: 'auth', token: current });
        }
        this.sendIds('subscribe', [...this.wanted.keys()]);
        break;
      }
      case 'detection.boxes':
        if (this.wanted.has(message.data.cameraId)) store.receiveBoxes(message.data, this.now());
        break;
      case 'detection.created':
        if (this.wanted.has(message.data.cameraId)) store.receiveDetection(message.data, this.now());
        break;
      case 'camera.status.changed':
        if (this.wanted.has(message.data.cameraId)) store.receiveStatus(message.data, this.now());
        break;
      default:
        // `subscribed` acknowledgements and `error` answers need no action.
        break;
    }
  }

  private handleClose(code: number): void {
    this.socket = null;
    this.ready = false;
    if (this.wanted.size === 0) {
      this.stop();
      return;
    }
    // 4401: the token expired or was refused; the next attempt does not use it again.
    this.scheduleReconnect(code === 4401);
  }

  private scheduleReconnect(refresh = false): void {
    this.attempt += 1;
    const delay = backoffDelayMs(this.attempt, this.backoff, this.random);
    this.setConnection('reconnecting', this.now() + delay);
    this.clearRetryTimer();
    this.retryRefresh = refresh;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect(refresh);
    }, delay);
  }

  private handleTokenChange(token: string | null): void {
    if (token === null) {
      // Signed out, or another tab signed in as someone else: this socket's user is gone.
      if (!this.socket) return;
      this.closeSocket();
      void this.connect();
      return;
    }
    if (token === this.lastToken) return;
    if (this.socket && this.socket.readyState === OPEN) {
      this.lastToken = token;
      this.send({ type: 'auth', token });
      return;
    }
    // Signed in again after the session ended: connect now.
    if (this.options.store.getState().connection.state === 'signed-out' && this.wanted.size > 0) void this.connect();
  }

  private queue(cameraId: string, type: 'subscribe' | 'unsubscribe'): void {
    if (!this.ready) return;
    this.pending.set(cameraId, type);
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      const subscribe: string[] = [];
      const unsubscribe: string[] = [];
      for (const [id, type] of this.pending) (type === 'subscribe' ? subscribe : unsubscribe).push(id);
      this.pending.clear();
      this.sendIds('unsubscribe', unsubscribe);
      this.sendIds('subscribe', subscribe);
    });
  }

  private sendIds(type: 'subscribe' | 'unsubscribe', cameraIds: string[]): void {
    for (let index = 0; index < cameraIds.length; index += MAX_IDS_PER_MESSAGE) {
      this.send({ type, cameraIds: cameraIds.slice(index, index + MAX_IDS_PER_MESSAGE) });
    }
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private closeSocket(): void {
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    if (!socket) return;
    socket.onclose = null;
    socket.onmessage = null;
    socket.close(1000, 'no cameras watched');
  }

  private setConnection(state: 'idle' | 'connecting' | 'open' | 'reconnecting' | 'signed-out', retryAt: number | null = null): void {
    this.options.store.getState().setConnection({ state, retryAt, attempt: this.attempt });
  }

  private clearRetryTimer(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
