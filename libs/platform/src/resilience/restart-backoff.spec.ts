import { RestartBackoff } from './restart-backoff';

describe('restart backoff', () => {
  it('doubles from 1 s up to 30 s while runs keep failing', () => {
    const backoff = new RestartBackoff();
    expect(Array.from({ length: 8 }, () => backoff.nextDelayMs(0))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('starts again from 1 s after a run that served long enough', () => {
    const backoff = new RestartBackoff({ initialMs: 1000, maxMs: 30000, resetAfterMs: 30000 });
    backoff.nextDelayMs(0);
    backoff.nextDelayMs(0);
    expect(backoff.nextDelayMs(29000)).toBe(4000);
    expect(backoff.nextDelayMs(30000)).toBe(1000);
    expect(backoff.nextDelayMs(0)).toBe(2000);
  });
});
