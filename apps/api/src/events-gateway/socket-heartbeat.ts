import { Injectable, OnModuleDestroy } from '@nestjs/common';

/** What the heartbeat needs of a socket (a `ws` WebSocket). */
export interface PingableSocket {
  ping(): void;
  terminate(): void;
  on(event: 'pong', listener: () => void): unknown;
}

/** How often sockets are pinged; one that has not answered the previous ping by then is dropped. */
export const HEARTBEAT_INTERVAL_MS = 30_000;

/**
 * Pings every live-events socket: a peer that vanished without closing (a laptop lid, a dropped
 * mobile link) is noticed within two intervals, and the traffic keeps idle sockets from being
 * cut by proxies on the way.
 */
@Injectable()
export class SocketHeartbeat implements OnModuleDestroy {
  private readonly answered = new Map<PingableSocket, boolean>();
  private timer: NodeJS.Timeout | null = null;

  track(socket: PingableSocket): void {
    this.answered.set(socket, true);
    socket.on('pong', () => {
      if (this.answered.has(socket)) this.answered.set(socket, true);
    });
    if (!this.timer) {
      this.timer = setInterval(() => this.beat(), HEARTBEAT_INTERVAL_MS);
      this.timer.unref();
    }
  }

  untrack(socket: PingableSocket): void {
    this.answered.delete(socket);
  }

  /** One round: drops the sockets that did not answer the last ping, pings the others. */
  beat(): void {
    for (const [socket, answered] of this.answered) {
      if (!answered) {
        this.answered.delete(socket);
        socket.terminate();
        continue;
      }
      this.answered.set(socket, false);
      socket.ping();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
