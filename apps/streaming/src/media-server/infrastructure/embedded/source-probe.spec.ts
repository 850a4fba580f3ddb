import { frameRate } from './source-probe';

describe('frameRate', () => {
  it.each([
    ['30000/1001', 29.97],
    ['25/1', 25],
    ['15/1', 15],
  ])('reads %s as %d fps', (raw, fps) => {
    expect(frameRate(raw)).toBe(fps);
  });

  it.each([['0/0'], ['90000/1'], ['1/0'], ['abc'], [''], [undefined]])('gives null for %p (unknown or not a frame rate)', (raw) => {
    expect(frameRate(raw)).toBeNull();
  });
});
