import { PingableSocket, SocketHeartbeat } from './socket-heartbeat';

class FakeSocket implements PingableSocket {
  pings = 0;
  terminated = false;
  private pongListener: (() => void) | null = null;
  ping(): void {
    this.pings += 1;
  }
  terminate(): void {
    this.terminated = true;
  }
  on(_event: 'pong', listener: () => void): void {
    this.pongListener = listener;
  }
  pong(): void {
    this.pongListener?.();
  }
}

describe('SocketHeartbeat', () => {
  let heartbeat: SocketHeartbeat;
  beforeEach(() => (heartbeat = new SocketHeartbeat()));
  afterEach(() => heartbeat.onModuleDestroy());

  it('keeps a socket that answers every ping', () => {
    const socket = new FakeSocket();
    heartbeat.track(socket);
    for (let round = 0; round < 5; round++) {
      heartbeat.beat();
      socket.pong();
    }
    expect(socket.pings).toBe(5);
    expect(socket.terminated).toBe(false);
  });

  it('drops a socket at the first round after a ping it did not answer, and only that one', () => {
    const silent = new FakeSocket();
    const alive = new FakeSocket();
    heartbeat.track(silent);
    heartbeat.track(alive);
    heartbeat.beat();
    alive.pong();
    expect(silent.terminated).toBe(false);
    heartbeat.beat();
    expect(silent.terminated).toBe(true);
    expect(alive.terminated).toBe(false);
    expect(silent.pings).toBe(1);
  });

  it('forgets a socket once it closed', () => {
    const socket = new FakeSocket();
    heartbeat.track(socket);
    heartbeat.untrack(socket);
    heartbeat.beat();
    heartbeat.beat();
    expect(socket.pings).toBe(0);
    expect(socket.terminated).toBe(false);
  });
});
