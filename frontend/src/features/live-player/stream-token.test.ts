import { describe, expect, it } from 'vitest';
import { hasUsableToken, streamIdentity, streamScope, tokenRefreshDelayMs, withStreamToken } from './stream-token';

const origin = window.location.origin;
const playlist = '/hls/cam_1/index.m3u8?token=old';

describe('stream token helpers', () => {
  it('scopes a stream to its folder on its origin', () => {
    expect(streamScope(playlist)).toBe(`${origin}/hls/cam_1/`);
    expect(streamScope('https://media.example.com/hls/cam_1/index.m3u8?token=x')).toBe(
      'https://media.example.com/hls/cam_1/',
    );
  });

  it('treats two URLs of one stream with different tokens as the same stream', () => {
    expect(streamIdentity(playlist)).toBe(streamIdentity('/hls/cam_1/index.m3u8?token=new'));
    expect(streamIdentity(playlist)).not.toBe(streamIdentity('/hls/cam_2/index.m3u8?token=old'));
  });

  it('replaces the token on playlist and segment requests of the stream', () => {
    const scope = streamScope(playlist);
    expect(withStreamToken(`${origin}/hls/cam_1/index.m3u8?token=old`, 'new', scope)).toBe(
      `${origin}/hls/cam_1/index.m3u8?token=new`,
    );
    expect(withStreamToken(`${origin}/hls/cam_1/seg_12.ts?token=old&x=1`, 'new', scope)).toBe(
      `${origin}/hls/cam_1/seg_12.ts?token=new&x=1`,
    );
  });

  it('adds the token to a request of the stream that came without one', () => {
    expect(withStreamToken(`${origin}/hls/cam_1/video1_stream.m3u8`, 'new', streamScope(playlist))).toBe(
      `${origin}/hls/cam_1/video1_stream.m3u8?token=new`,
    );
  });

  it('never sends the token to another stream or another host', () => {
    const scope = streamScope(playlist);
    const otherStream = `${origin}/hls/cam_2/index.m3u8?token=theirs`;
    const otherHost = 'https://cdn.example.com/hls/cam_1/seg_1.ts';
    expect(withStreamToken(otherStream, 'new', scope)).toBe(otherStream);
    expect(withStreamToken(otherHost, 'new', scope)).toBe(otherHost);
  });

  it('refreshes at three quarters of the remaining life, at least 30 seconds early', () => {
    const now = Date.parse('2025-01-01T00:00:00.000Z');
    expect(tokenRefreshDelayMs('2025-01-01T00:10:00.000Z', now)).toBe(450_000);
    expect(tokenRefreshDelayMs('2025-01-01T00:01:00.000Z', now)).toBe(30_000);
    expect(tokenRefreshDelayMs('2025-01-01T00:00:20.000Z', now)).toBe(0);
    expect(tokenRefreshDelayMs('not a date', now)).toBe(0);
  });

  it('does not start a stream with a token about to expire', () => {
    const now = Date.parse('2025-01-01T00:00:00.000Z');
    expect(hasUsableToken('2025-01-01T00:01:00.000Z', now)).toBe(true);
    expect(hasUsableToken('2025-01-01T00:00:03.000Z', now)).toBe(false);
    expect(hasUsableToken('2024-12-31T23:59:00.000Z', now)).toBe(false);
  });
});
