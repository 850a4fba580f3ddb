import { segmentUris, targetDurationSeconds, withTokenOnUris } from './hls-playlist';

const PLAYLIST = [
  '#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-TARGETDURATION:4', '#EXT-X-MEDIA-SEQUENCE:1795239515', '#EXT-X-INDEPENDENT-SEGMENTS',
  '#EXTINF:3.933333,', 's1795239515.ts', '#EXTINF:2.000000,', 's1795239516.ts', '',
].join('\n');

describe('HLS playlists', () => {
  it('adds the token to every segment URI and leaves the tags alone', () => {
    const rewritten = withTokenOnUris(PLAYLIST, 'a b&c');
    expect(segmentUris(rewritten)).toEqual(['s1795239515.ts?token=a%20b%26c', 's1795239516.ts?token=a%20b%26c']);
    expect(rewritten.split('\n').filter((line) => line.startsWith('#'))).toEqual(PLAYLIST.split('\n').filter((line) => line.startsWith('#')));
  });

  it('adds the token to URI attributes (fMP4 init segments) and to URIs that already have a query', () => {
    expect(withTokenOnUris('#EXT-X-MAP:URI="init.mp4"\nseg.m4s?x=1', 't')).toBe('#EXT-X-MAP:URI="init.mp4?token=t"\nseg.m4s?x=1&token=t');
  });

  it('reads the target duration', () => {
    expect(targetDurationSeconds(PLAYLIST)).toBe(4);
    expect(targetDurationSeconds('#EXTM3U\n')).toBeNull();
  });
});
