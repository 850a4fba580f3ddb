import { Camera } from '../domain/camera';
import { toStreamingCamera } from './streaming-camera';

describe('toStreamingCamera', () => {
  it('carries the credentials in clear, split off the source url', () => {
    const camera = Camera.create('6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01', { name: 'Gate', sourceUrl: 'rtsp://viewer:pa%40ss@cam.local:554/s1' });
    expect(toStreamingCamera(camera)).toEqual({
      cameraId: camera.id,
      name: 'Gate',
      streamPath: `cam_${camera.id}`,
      enabled: true,
      revision: 1,
      ai: camera.ai,
      source: { url: 'rtsp://cam.local:554/s1', credentials: { username: 'viewer', password: 'pa@ss' } },
    });
  });

  it('has null credentials for a camera without them', () => {
    const camera = Camera.create('id-2', { name: 'Yard', sourceUrl: 'rtsp://cam2.local/s' });
    expect(toStreamingCamera(camera).source.credentials).toBeNull();
  });
});
