import { describeSourceFailure, SnapshotErrors } from './source-check';

describe('describeSourceFailure', () => {
  it.each(['unauthorized', 'not found', 'connection refused', 'host unreachable', 'timeout', 'unsupported codec', 'not a video stream', 'stream ended'])(
    'has a sentence of its own for the engine reason "%s"',
    (reason) => {
      const message = describeSourceFailure(reason);
      expect(message).toMatch(/^[A-Z].*\.$/);
      expect(message).not.toContain('could not be read');
    },
  );

  it('names an unknown reason instead of hiding it', () => {
    expect(describeSourceFailure('ffmpeg exited with code 1')).toBe('The source could not be read (ffmpeg exited with code 1).');
  });

  it('a failed snapshot is unavailable (503) and carries the reason', () => {
    const error = SnapshotErrors.sourceFailed('unauthorized');
    expect(error).toMatchObject({ code: 'STREAM.SOURCE_FAILED', kind: 'unavailable', details: { reason: 'unauthorized' } });
    expect(error.message).toContain('refused the username or password');
  });
});
