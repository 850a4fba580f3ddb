import { classifyFfmpegOutput, failureReason } from './ffmpeg-failure';

describe('ffmpeg failure reasons', () => {
  it.each([
    ['[rtsp @ 0x1] method DESCRIBE failed: 401 Unauthorized\nrtsp://***@h/live: Server returned 401 Unauthorized (authorization failed)', 'unauthorized'],
    ['http://h/x.m3u8: Server returned 403 Forbidden (access denied)', 'unauthorized'],
    ['[rtsp @ 0x1] method DESCRIBE failed: 404 Not Found', 'not found'],
    ['file:/tmp/missing.mp4: No such file or directory', 'not found'],
    ['[tcp @ 0x1] Connection to tcp://127.0.0.1:1?timeout=5000000 failed: Connection refused', 'connection refused'],
    ['http://127.0.0.1:9/x.m3u8: Connection timed out', 'timeout'],
    ['[tcp @ 0x1] Failed to resolve hostname nowhere.invalid: Name or service not known', 'host unreachable'],
    ['Decoder (codec hevc) not found for input stream #0:0', 'unsupported codec'],
    ['file:/tmp/notes.txt: Invalid data found when processing input', 'not a video stream'],
    ['Stream map \'0:v:0\' matches no streams.', 'not a video stream'],
  ])('reads %j as %s', (output, reason) => {
    expect(classifyFfmpegOutput(output)).toBe(reason);
  });

  it('does not take ffmpeg\'s own "Option not found" for a missing source', () => {
    expect(classifyFfmpegOutput("Failed to set value '-1' for option 'stream_loop': Option not found")).toBeNull();
  });

  const end = { output: '', code: 1, signal: null, elapsedMs: 100 };

  it('calls a clean exit of a live source "stream ended" and a signal a kill', () => {
    expect(failureReason({ ...end, code: 0 }, 'rtsp', 5000)).toBe('stream ended');
    expect(failureReason({ ...end, code: null, signal: 'SIGKILL', output: 'Connection refused' }, 'rtsp', 5000)).toBe('ffmpeg was killed (SIGKILL)');
    expect(failureReason({ ...end, spawnError: 'ENOENT' }, 'file', 5000)).toBe('ffmpeg could not start (ENOENT)');
    expect(failureReason({ ...end, code: 8 }, 'http', 5000)).toBe('ffmpeg exited with code 8');
  });

  it('reads an RTSP "invalid data" that took the whole socket timeout as a timeout', () => {
    const silent = { ...end, output: 'rtsp://h/live: Invalid data found when processing input' };
    expect(failureReason({ ...silent, elapsedMs: 5100 }, 'rtsp', 5000)).toBe('timeout');
    expect(failureReason({ ...silent, elapsedMs: 200 }, 'rtsp', 5000)).toBe('not a video stream');
    expect(failureReason({ ...silent, elapsedMs: 5100 }, 'http', 5000)).toBe('not a video stream');
  });
});
