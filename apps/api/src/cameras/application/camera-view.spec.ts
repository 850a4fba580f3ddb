import { Camera } from '../domain/camera';
import { maskUsername, toCameraView } from './camera-view';

describe('maskUsername', () => {
  it.each([
    ['', '*'],
    ['a', '*'],
    ['ab', 'a*'],
    ['admin', 'a****'],
    ['administrator', 'a*******'],
  ])('masks %p as %p', (username, masked) => {
    expect(maskUsername(username)).toBe(masked);
  });
});

describe('toCameraView', () => {
  const createdAt = new Date('2024-01-01T00:00:00Z');
  const camera = Camera.create(
    '6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01',
    { name: 'Lobby', sourceUrl: 'rtsp://operator:Sup3rS3cret@cam.local/stream1' },
    createdAt,
  );
  const view = toCameraView(camera);
  const json = JSON.stringify(view);

  it('never contains the password', () => {
    expect(json).not.toContain('Sup3rS3cret');
    expect(view.credentials).toEqual({ username: 'o*******', password: '********' });
  });

  it('never contains the full username', () => {
    expect(json).not.toContain('operator');
  });

  it('shows the credential-free source url, stream path and ISO dates', () => {
    expect(view.sourceUrl).toBe('rtsp://cam.local/stream1');
    expect(view.streamPath).toBe(`cam_${camera.id}`);
    expect(view.hlsUrl).toBe(`/hls/cam_${camera.id}/index.m3u8`);
    expect(view.createdAt).toBe('2024-01-01T00:00:00.000Z');
  });

  it('has null credentials for a camera without them', () => {
    const plain = Camera.create('id-2', { name: 'Yard', sourceUrl: 'rtsp://cam2.local/s' });
    expect(toCameraView(plain).credentials).toBeNull();
  });
});
