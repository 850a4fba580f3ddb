import { maskUrlSecrets } from './mask-url-secrets';

describe('maskUrlSecrets', () => {
  const url = 'http://127.0.0.1:8888/cam_7/index.m3u8?token=eyJhbGciOi.payload.s1gn%2Fx&lang=en';

  it('masks the token query parameter and keeps the rest', () => {
    expect(maskUrlSecrets(url)).toBe('http://127.0.0.1:8888/cam_7/index.m3u8?token=***&lang=en');
    expect(maskUrlSecrets('a?access_token=abc&x=1 b&jwt=zzz')).toBe('a?access_token=***&x=1 b&jwt=***');
  });

  it('masks the token inside ffmpeg output, raw or decoded, and userinfo', () => {
    const stderr = `${url}: Server returned 404 Not Found\nopening eyJhbGciOi.payload.s1gn/x\nrtsp://admin:hunter22@10.0.0.5/live failed`;
    const masked = maskUrlSecrets(stderr, url);
    expect(masked).not.toContain('eyJhbGciOi');
    expect(masked).not.toContain('hunter22');
    expect(masked).toContain('?token=***&lang=en: Server returned 404 Not Found');
    expect(masked).toContain('opening ***');
    expect(masked).toContain('rtsp://***@10.0.0.5/live');
  });

  it('leaves text without secrets alone', () => {
    expect(maskUrlSecrets('http://h/cam_1/index.m3u8: Connection refused', 'http://h/cam_1/index.m3u8')).toBe('http://h/cam_1/index.m3u8: Connection refused');
    expect(maskUrlSecrets('not a url', 'not a url either')).toBe('not a url');
  });
});
