import { ffmpegInput, redactCredentials, sameSource, sourceKind, UnsupportedSourceError } from './source-url';

describe('source URLs', () => {
  const credentials = { username: 'cam user', password: 'p@ss:w/rd%' };

  it('puts percent-encoded credentials into the userinfo of rtsp and http URLs', () => {
    expect(ffmpegInput({ url: 'rtsp://10.0.0.5:554/stream1?channel=1', credentials }))
      .toBe('rtsp://cam%20user:p%40ss%3Aw%2Frd%25@10.0.0.5:554/stream1?channel=1');
    expect(ffmpegInput({ url: 'https://cam.example/live.m3u8', credentials: { username: 'u', password: 'x' } }))
      .toBe('https://u:x@cam.example/live.m3u8');
    expect(ffmpegInput({ url: 'rtsp://old:creds@10.0.0.5/live', credentials })).toBe('rtsp://cam%20user:p%40ss%3Aw%2Frd%25@10.0.0.5/live');
    expect(ffmpegInput({ url: 'rtsp://10.0.0.5/live', credentials: null })).toBe('rtsp://10.0.0.5/live');
  });

  it('opens a file:// URL as a plain file path', () => {
    expect(ffmpegInput({ url: 'file:///media/street%20clip.mp4', credentials: null })).toBe('file:/media/street clip.mp4');
  });

  it('knows rtsp(s), http(s) and file, and refuses anything else', () => {
    expect(['RTSP://h/x', 'rtsps://h/x', 'http://h/x', 'https://h/x', 'file:///x'].map(sourceKind)).toEqual(['rtsp', 'rtsp', 'http', 'http', 'file']);
    expect(() => sourceKind('ftp://h/x')).toThrow(UnsupportedSourceError);
    expect(() => sourceKind('/no/scheme')).toThrow(UnsupportedSourceError);
  });

  it('masks userinfo and the literal credentials in text', () => {
    const source = { url: 'rtsp://10.0.0.5/live', credentials };
    const text = 'rtsp://cam%20user:p%40ss%3Aw%2Frd%25@10.0.0.5/live: 401; tried p@ss:w/rd% for cam user; http://a:b@h/x';
    const masked = redactCredentials(text, source);
    expect(masked).toBe('rtsp://***@10.0.0.5/live: 401; tried *** for ***; http://***@h/x');
    expect(redactCredentials('no secrets here', source)).toBe('no secrets here');
  });

  it('compares sources by URL and credentials', () => {
    expect(sameSource({ url: 'rtsp://h/a', credentials }, { url: 'rtsp://h/a', credentials: { ...credentials } })).toBe(true);
    expect(sameSource({ url: 'rtsp://h/a', credentials }, { url: 'rtsp://h/a', credentials: null })).toBe(false);
    expect(sameSource({ url: 'rtsp://h/a', credentials: null }, { url: 'rtsp://h/b', credentials: null })).toBe(false);
  });
});
