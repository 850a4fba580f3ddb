import { DomainError } from '@vms/platform/errors/domain-error';
import { CameraSource } from './camera-source';

function parseError(raw: string): DomainError {
  try {
    CameraSource.parse(raw);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`expected ${raw} to be refused`);
}

describe('CameraSource.parse', () => {
  describe('accepted schemes', () => {
    it.each([
      ['rtsp://cam.local:554/stream1', 'rtsp'],
      ['rtsps://cam.local/stream1', 'rtsp'],
      ['http://cdn.example.com/live/index.m3u8', 'hls'],
      ['https://cdn.example.com/live/INDEX.M3U8', 'hls'],
      ['file:///srv/videos/lobby.mp4', 'file'],
    ])('%s is a %s source', (raw, kind) => {
      const { source, credentials } = CameraSource.parse(raw);
      expect(source.kind).toBe(kind);
      expect(source.url).toBe(raw);
      expect(credentials).toBeNull();
    });

    it('keeps the host without IPv6 brackets', () => {
      expect(CameraSource.parse('rtsp://[fd00::1]/s').source.host).toBe('fd00::1');
      expect(CameraSource.parse('rtsp://10.0.0.5:554/s').source.host).toBe('10.0.0.5');
    });

    it('gives a file source its decoded absolute path and no host', () => {
      const { source } = CameraSource.parse('file:///srv/my%20videos/lobby.mp4');
      expect(source.filePath).toBe('/srv/my videos/lobby.mp4');
      expect(source.host).toBeNull();
    });
  });

  describe('credentials', () => {
    it('splits credentials off and removes them from the url', () => {
      const { source, credentials } = CameraSource.parse('rtsp://admin:s3cret@cam.local/stream1');
      expect(credentials).toEqual({ username: 'admin', password: 's3cret' });
      expect(source.url).toBe('rtsp://cam.local/stream1');
      expect(source.url).not.toContain('admin');
      expect(source.url).not.toContain('s3cret');
    });

    it('splits credentials off an HLS url too', () => {
      const { source, credentials } = CameraSource.parse('https://viewer:pw@cdn.example.com/a.m3u8');
      expect(credentials).toEqual({ username: 'viewer', password: 'pw' });
      expect(source.url).toBe('https://cdn.example.com/a.m3u8');
    });

    it('decodes percent-encoded credentials', () => {
      const { credentials } = CameraSource.parse('rtsp://us%40er:p%3Ass%2Fw%23rd@cam.local/s');
      expect(credentials).toEqual({ username: 'us@er', password: 'p:ss/w#rd' });
    });

    it('takes a username without a password', () => {
      expect(CameraSource.parse('rtsp://admin@cam.local/s').credentials).toEqual({ username: 'admin', password: '' });
    });

    it('refuses malformed percent-encoding in credentials with a domain error', () => {
      const error = parseError('rtsp://us%ZZer:pw@cam.local/s');
      expect(error).toBeInstanceOf(DomainError);
      expect(error.code).toBe('CAMERA.SOURCE_URL_INVALID');
    });
  });

  describe('refused urls', () => {
    it.each([
      ['ftp', 'ftp://cam.local/video.mp4'],
      ['javascript', 'javascript:alert(1)'],
      ['data', 'data:text/plain,hello'],
      ['an rtsp url without a host', 'rtsp:///stream1'],
      ['an http url that is not a playlist', 'http://cdn.example.com/live/video.mp4'],
      ['a fragment', 'rtsp://cam.local/stream1#frag'],
      ['a space', 'rtsp://cam.local/my stream'],
      ['a leading space', ' rtsp://cam.local/s'],
      ['a tab', 'rtsp://cam.local/\tstream'],
      ['a newline', 'rtsp://cam.local/s\n'],
      ['a NUL', 'rtsp://cam.local/s\u0000'],
      ['more than 2048 characters', `rtsp://cam.local/${'a'.repeat(2048)}`],
      ['a file url with a host', 'file://fileserver/srv/video.mp4'],
      ['a file url naming a directory', 'file:///srv/videos/'],
      ['a file url with an encoded NUL', 'file:///srv/video%00.mp4'],
      ['a file url with malformed encoding', 'file:///srv/video%ZZ.mp4'],
      ['a bare word', 'camera'],
      ['a bare host', 'cam.local/stream1'],
      ['an empty string', ''],
    ])('refuses %s', (_label, raw) => {
      const error = parseError(raw);
      expect(error).toBeInstanceOf(DomainError);
      expect(error.code).toBe('CAMERA.SOURCE_URL_INVALID');
      expect(error.kind).toBe('invalid');
      expect((error.details as { field: string }[])[0].field).toBe('sourceUrl');
    });

    it('accepts a url of exactly 2048 characters', () => {
      const prefix = 'rtsp://cam.local/';
      const raw = prefix + 'a'.repeat(2048 - prefix.length);
      expect(CameraSource.parse(raw).source.kind).toBe('rtsp');
    });
  });

  it('restore gives back the same source', () => {
    const { source } = CameraSource.parse('rtsp://cam.local/s');
    const restored = CameraSource.restore(source.url);
    expect(restored).toEqual(source);
  });
});
