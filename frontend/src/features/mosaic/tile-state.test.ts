import { describe, expect, it } from 'vitest';
import { cameraHold, tileStatus, withPushedStatus } from './tile-state';
import type { Camera } from './types';

const camera = (overrides: Partial<Camera> = {}): Camera => ({
  id: 'cam-1',
  name: 'Gate',
  enabled: true,
  status: 'online',
  lastError: null,
  ...overrides,
});

describe('camera hold', () => {
  it('lets online and still-provisioning cameras play (streams start on demand)', () => {
    expect(cameraHold(camera(), 'ready')).toBeNull();
    expect(cameraHold(camera({ status: 'provisioning' }), 'ready')).toBeNull();
  });

  it('holds offline, failed and disabled cameras with a reason', () => {
    expect(cameraHold(camera({ status: 'offline' }), 'ready')).toEqual({ state: 'offline', message: 'Camera offline' });
    expect(cameraHold(camera({ status: 'error', lastError: 'RTSP 401' }), 'ready')).toEqual({
      state: 'error',
      message: 'RTSP 401',
    });
    expect(cameraHold(camera({ enabled: false }), 'ready')).toEqual({ state: 'offline', message: 'Camera disabled' });
  });

  it('waits for the camera list before playing, and reports a camera that was deleted', () => {
    expect(cameraHold(null, 'loading')).toEqual({ state: 'connecting' });
    expect(cameraHold(null, 'ready')).toMatchObject({ state: 'error' });
  });

  it('plays anyway when the camera list cannot be loaded', () => {
    expect(cameraHold(null, 'unavailable')).toBeNull();
  });
});

describe('tile status', () => {
  it('is empty without a camera, whatever else is known', () => {
    expect(tileStatus(null, { state: 'offline' }, { state: 'live' })).toEqual({ state: 'empty' });
  });

  it("prefers the camera list's hold, then the player's state, else connecting", () => {
    expect(tileStatus('cam-1', { state: 'offline' }, { state: 'live' })).toEqual({ state: 'offline' });
    expect(tileStatus('cam-1', null, { state: 'live' })).toEqual({ state: 'live' });
    expect(tileStatus('cam-1', null, null)).toEqual({ state: 'connecting' });
  });
});

describe('pushed camera status', () => {
  const pushed = (status: 'online' | 'offline' | 'error', receivedAt: number, reason: string | null = null) =>
    ({ cameraId: 'cam-1', status, reason, receivedAt });

  it('takes a push that arrived after the list, with its reason', () => {
    const listed = camera({ status: 'online' });
    const merged = withPushedStatus(listed, pushed('offline', 2000, 'stream ended'), 1000);
    expect(merged).toMatchObject({ status: 'offline', lastError: 'stream ended' });
    expect(cameraHold(merged, 'ready')).toEqual({ state: 'offline', message: 'stream ended' });
  });

  it('keeps the list when it is newer than the push, or when nothing was pushed', () => {
    const listed = camera({ status: 'online' });
    expect(withPushedStatus(listed, pushed('error', 1000), 2000)).toBe(listed);
    expect(withPushedStatus(listed, undefined, 2000)).toBe(listed);
    expect(withPushedStatus(null, pushed('online', 3000), 2000)).toBeNull();
  });
});
