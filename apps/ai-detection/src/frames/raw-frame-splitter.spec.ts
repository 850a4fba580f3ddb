import { RawFrameSplitter } from './raw-frame-splitter';

describe('RawFrameSplitter', () => {
  const bytes = (from: number, count: number) => Buffer.from(Array.from({ length: count }, (_, index) => (from + index) % 256));

  it('reassembles pictures across any chunk boundaries', () => {
    const splitter = new RawFrameSplitter(5);
    const stream = bytes(0, 17);
    const frames = [stream.subarray(0, 2), stream.subarray(2, 3), stream.subarray(3, 14), stream.subarray(14)].flatMap((chunk) => splitter.push(chunk));
    expect(frames.map((frame) => [...frame])).toEqual([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11, 12, 13, 14]]);
    expect(splitter.partialBytes).toBe(2);
  });

  it('hands out independent buffers', () => {
    const splitter = new RawFrameSplitter(3);
    const [first, second] = splitter.push(bytes(0, 6));
    expect(first.buffer === second.buffer && first.byteOffset === second.byteOffset).toBe(false);
    expect([...first]).toEqual([0, 1, 2]);
    expect([...second]).toEqual([3, 4, 5]);
  });

  it('rejects a non-positive size', () => {
    expect(() => new RawFrameSplitter(0)).toThrow(RangeError);
  });
});
