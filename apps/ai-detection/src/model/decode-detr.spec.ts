import { decodeDetr } from './decode-detr';
import { FrameFormat } from '../frames/frame';

const FORMAT: FrameFormat = { width: 320, height: 320, fit: 'stretch', padRgb: [114, 114, 114] };
const FRAME = { format: FORMAT, content: { x: 0, y: 0, width: 320, height: 320 } };

describe('decodeDetr', () => {
  it('maps boxes from the target-size pixel space to normalised picture coordinates', () => {
    // Two images, three queries each.
    const outputs = {
      labels: BigInt64Array.from([1n, 4n, 0n, 2n, 2n, 2n]),
      boxes: Float32Array.from([
        64, 48, 320, 240, 0, 0, 640, 480, 10, 10, 20, 20,
        -10, 100, 160, 900, 0, 0, 1, 1, 0, 0, 1, 1,
      ]),
      scores: Float32Array.from([0.9, 0.5, 0.1, 0.8, 0.2, 0.05]),
      dims: [2, 3],
    };
    const [first, second] = decodeDetr(outputs, [FRAME, FRAME], { labels: ['a', 'b', 'c'], minScore: 0.3, targetSizes: [[640, 480], [320, 960]] });

    expect(first.map((d) => [d.classId, d.label])).toEqual([[1, 'b'], [4, 'class_4']]);
    expect(first[0].score).toBeCloseTo(0.9, 6);
    expectBox(first[0].box, [0.1, 0.1, 0.5, 0.5]);
    expectBox(first[1].box, [0, 0, 1, 1]);
    expect(second).toHaveLength(1);
    expect(second[0].label).toBe('c');
    expectBox(second[0].box, [0, 100 / 960, 0.5, 900 / 960]);
  });

  it('refuses mismatched outputs', () => {
    const outputs = { labels: BigInt64Array.from([1n]), boxes: new Float32Array(4), scores: Float32Array.from([0.9]), dims: [1, 1] };
    expect(() => decodeDetr(outputs, [FRAME, FRAME], { labels: [], minScore: 0.3, targetSizes: [[1, 1], [1, 1]] })).toThrow(/1 images for 2 frames/);
  });
});

function expectBox(actual: number[], expected: number[]): void {
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 5));
}
