import { framesToNchw } from './frame-tensor';

describe('framesToNchw', () => {
  // Two 2x1 frames: pixels (r,g,b) = (1,2,3), (4,5,6) and (7,8,9), (10,11,12).
  const frames = [{ rgb: Buffer.from([1, 2, 3, 4, 5, 6]) }, { rgb: Buffer.from([7, 8, 9, 10, 11, 12]) }];

  it('writes RGB planes, scaled', () => {
    expect(Array.from(framesToNchw(frames, 2, 1, { channels: 'rgb', scale: 0.5 })))
      .toEqual([0.5, 2, 1, 2.5, 1.5, 3, 3.5, 5, 4, 5.5, 4.5, 6]);
  });

  it('writes BGR planes', () => {
    expect(Array.from(framesToNchw(frames, 2, 1, { channels: 'bgr', scale: 1 })))
      .toEqual([3, 6, 2, 5, 1, 4, 9, 12, 8, 11, 7, 10]);
  });
});
