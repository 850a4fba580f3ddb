import { describe, expect, it, vi } from 'vitest';
import { liveHlsConfig } from './hls-engine';
import { streamScope } from './stream-token';

describe('hls.js configuration', () => {
  it('is tuned for low latency with small buffers and waits for the player to start loading', () => {
    const config = liveHlsConfig('/hls/cam_1/', () => 't');
    expect(config).toMatchObject({ lowLatencyMode: true, autoStartLoad: false });
    expect(config.liveSyncDuration).toBeLessThanOrEqual(4);
    expect(config.liveMaxLatencyDuration).toBeGreaterThan(config.liveSyncDuration!);
    expect(config.backBufferLength).toBeLessThanOrEqual(10);
    expect(config.maxBufferLength).toBeLessThanOrEqual(10);
  });

  it('opens every stream request with the token current at that moment', async () => {
    let token = 'first';
    const origin = window.location.origin;
    const config = liveHlsConfig(streamScope('/hls/cam_1/index.m3u8?token=first'), () => token);
    const open = vi.fn();
    const xhr = { open } as unknown as XMLHttpRequest;
    const context = {} as Parameters<NonNullable<typeof config.xhrSetup>>[2];

    await config.xhrSetup!(xhr, `${origin}/hls/cam_1/index.m3u8?token=first`, context);
    token = 'second';
    await config.xhrSetup!(xhr, `${origin}/hls/cam_1/seg_7.mp4?token=first`, context);

    expect(open.mock.calls).toEqual([
      ['GET', `${origin}/hls/cam_1/index.m3u8?token=first`, true],
      ['GET', `${origin}/hls/cam_1/seg_7.mp4?token=second`, true],
    ]);
  });
});
