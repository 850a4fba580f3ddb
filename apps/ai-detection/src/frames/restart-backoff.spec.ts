import { RestartBackoff } from './restart-backoff';

describe('RestartBackoff', () => {
  it('doubles from 1 s up to 30 s', () => {
    const backoff = new RestartBackoff();
    expect(Array.from({ length: 7 }, () => backoff.nextDelayMs(0))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('starts again after a run that delivered frames for a good while', () => {
    const backoff = new RestartBackoff();
    backoff.nextDelayMs(0);
    backoff.nextDelayMs(5000);
    expect(backoff.nextDelayMs(29000)).toBe(4000);
    expect(backoff.nextDelayMs(30000)).toBe(1000);
  });
});
