import { classifyFfmpegError, failureOf } from './frame-source-failure';

describe('ffmpeg failure reasons', () => {
  it.each([
    ['http://h/cam_1/index.m3u8?token=***: Server returned 401 Unauthorized (authorization failed)', 'unauthorized'],
    ['http://h/cam_1/index.m3u8: Server returned 403 Forbidden (access denied)', 'unauthorized'],
    ['http://h/cam_1/index.m3u8?token=***: Server returned 404 Not Found', 'not found'],
    ['[tcp @ 0x1] Connection to tcp://h:8888 failed: Connection refused\nhttp://h:8888/x: Connection refused', 'connection refused'],
    ['http://h/hang/index.m3u8: Connection timed out', 'timeout'],
    ['http://h/garbage/index.m3u8: Invalid data found when processing input', 'invalid data'],
    ['Stream map \'0:v:0\' matches no streams.', 'no video stream'],
  ])('%s -> %s', (stderr, reason) => {
    expect(classifyFfmpegError(stderr)).toBe(reason);
  });

  it('does not read camera names or ffmpeg option errors as HTTP statuses', () => {
    expect(classifyFfmpegError('http://h/cam_401/index.m3u8: something odd')).toBeNull();
    expect(classifyFfmpegError('Option live_start_index not found.')).toBeNull();
    expect(classifyFfmpegError('[h264 @ 0x5] mmco: unref short failure')).toBeNull();
  });

  it('falls back to how the process ended', () => {
    expect(failureOf({ code: 0, signal: null, stderr: '' })).toBe('stream ended');
    expect(failureOf({ code: 1, signal: null, stderr: 'whatever' })).toBe('exited with code 1');
    expect(failureOf({ code: null, signal: 'SIGSEGV', stderr: '' })).toBe('killed (SIGSEGV)');
    expect(failureOf({ code: null, signal: null, stderr: '', spawnError: 'ENOENT' })).toBe('could not start (ENOENT)');
  });
});
