import type { PathState } from '../../media-server/media-server.port';
import { observeStatus } from './camera-stream';

const state = (health: PathState['health'], reason: string | null = null): PathState => ({
  name: 'cam_x', health, reason, readers: 2, bytesReceived: 1000, bitrateKbps: 512,
});

describe('observeStatus', () => {
  it('maps a flowing path to online with its measures', () => {
    expect(observeStatus(state('online'), 'provisioning')).toEqual({ status: 'online', reason: null, readers: 2, bitrateKbps: 512 });
  });

  it('maps a failing path to error with the reason, and gives a default reason', () => {
    expect(observeStatus(state('error', 'unauthorized'), 'online')).toMatchObject({ status: 'error', reason: 'unauthorized' });
    expect(observeStatus(state('error'), 'online')).toMatchObject({ status: 'error', reason: 'stream failed' });
  });

  it('maps a path whose source stopped to offline', () => {
    expect(observeStatus(state('offline', 'stream ended'), 'online')).toMatchObject({ status: 'offline', reason: 'stream ended' });
  });

  it('keeps the previous status while the path is idle (on demand, unwatched) or starting', () => {
    expect(observeStatus(state('idle'), 'online').status).toBe('online');
    expect(observeStatus(state('starting'), 'error').status).toBe('error');
    expect(observeStatus(state('idle'), 'provisioning').status).toBe('provisioning');
  });

  it('counts an idle path whose source was reached by a probe as online', () => {
    expect(observeStatus({ ...state('idle'), sourceReachable: true }, 'provisioning').status).toBe('online');
    expect(observeStatus({ ...state('idle'), sourceReachable: false }, 'error').status).toBe('error');
    expect(observeStatus({ ...state('idle'), sourceReachable: null }, 'provisioning').status).toBe('provisioning');
  });

  it('reports an online camera whose path vanished as offline', () => {
    expect(observeStatus(undefined, 'online').status).toBe('offline');
    expect(observeStatus(undefined, 'provisioning').status).toBe('provisioning');
  });
});
