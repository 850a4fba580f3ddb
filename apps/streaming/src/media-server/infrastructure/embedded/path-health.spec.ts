import { PathFacts, pathHealth } from './path-health';

const NOW = 1_000_000;
const base: PathFacts = { running: false, pending: false, lastSegmentAt: null, segmentSeconds: 2, lastOutcome: null };

describe('path health rules', () => {
  it('is idle when nothing runs and nothing failed (never ran, stopped after a good run, or probed fine)', () => {
    expect(pathHealth(base, NOW)).toEqual({ health: 'idle', reason: null });
    expect(pathHealth({ ...base, lastOutcome: { ok: true } }, NOW)).toEqual({ health: 'idle', reason: null });
  });

  it('is starting from the start until the first segment', () => {
    expect(pathHealth({ ...base, pending: true }, NOW)).toEqual({ health: 'starting', reason: null });
    expect(pathHealth({ ...base, running: true }, NOW)).toEqual({ health: 'starting', reason: null });
  });

  it('is online while a segment came within three segment durations, offline after', () => {
    const running = { ...base, running: true, lastOutcome: { ok: true } as const };
    expect(pathHealth({ ...running, lastSegmentAt: NOW - 6500 }, NOW)).toEqual({ health: 'online', reason: null });
    expect(pathHealth({ ...running, lastSegmentAt: NOW - 8000 }, NOW)).toEqual({ health: 'offline', reason: 'no new segment for 8 s' });
    expect(pathHealth({ ...running, segmentSeconds: 9, lastSegmentAt: NOW - 20000 }, NOW).health).toBe('online');
  });

  it('is error with the reason after a failure, also while it retries, until a segment arrives', () => {
    const failed = { ...base, lastOutcome: { ok: false, reason: 'unauthorized' } as const };
    expect(pathHealth(failed, NOW)).toEqual({ health: 'error', reason: 'unauthorized' });
    expect(pathHealth({ ...failed, pending: true }, NOW)).toEqual({ health: 'error', reason: 'unauthorized' });
    expect(pathHealth({ ...failed, running: true }, NOW)).toEqual({ health: 'error', reason: 'unauthorized' });
    expect(pathHealth({ ...failed, running: true, lastSegmentAt: NOW - 100 }, NOW)).toEqual({ health: 'online', reason: null });
  });

  it('is offline when the stream ended', () => {
    expect(pathHealth({ ...base, lastOutcome: { ok: false, reason: 'stream ended' } }, NOW)).toEqual({ health: 'offline', reason: 'stream ended' });
  });
});
