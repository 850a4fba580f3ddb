import { describe, expect, it } from 'vitest';
import { resolveTransport } from './transport';

describe('transport choice', () => {
  it('plays HLS when asked for HLS', () => {
    expect(resolveTransport('hls', { whep: '/webrtc/cam_1/whep' })).toBe('hls');
  });

  it('falls back to HLS while WHEP is not implemented, or not offered', () => {
    expect(resolveTransport('whep', { whep: '/webrtc/cam_1/whep' })).toBe('hls');
    expect(resolveTransport('whep', { whep: null }, ['hls', 'whep'])).toBe('hls');
  });

  it('uses WHEP once implemented and offered', () => {
    expect(resolveTransport('whep', { whep: '/webrtc/cam_1/whep' }, ['hls', 'whep'])).toBe('whep');
  });
});
