import { contentRectOf, FrameFormat } from '../frames/frame';
import { decodeYolox } from './decode-yolox';

// A 640x384 model with 3 classes: anchors = 80*48 + 40*24 + 20*12 = 5040, 8 values each.
const FORMAT: FrameFormat = { width: 640, height: 384, fit: 'letterbox-top-left', padRgb: [114, 114, 114] };
const ANCHORS = 5040;
const WIDTH = 8;
const LABELS = ['a', 'b', 'c'];

function frame() {
  // 1280x720 scaled by 0.5 -> 640x360 in the top-left corner.
  return { format: FORMAT, content: contentRectOf(FORMAT, 1280, 720) };
}

function setAnchor(output: Float32Array, image: number, anchor: number, values: number[]): void {
  output.set(values, (image * ANCHORS + anchor) * WIDTH);
}

describe('decodeYolox', () => {
  it('decodes grid offsets over strides 8/16/32 for any input size and undoes the letterbox', () => {
    const output = new Float32Array(2 * ANCHORS * WIDTH);
    // Stride 16, row 5, column 10: after the 80*48 stride-8 cells.
    setAnchor(output, 0, 3840 + 5 * 40 + 10, [0.5, 0.5, Math.log(4), Math.log(2), 0.8, 0.1, 0.9, 0.3]);
    // Image 1, stride 32, row 0, column 0; class 2 wins.
    setAnchor(output, 1, 3840 + 960, [0, 0, 0, 0, 0.9, 0.2, 0.1, 0.5]);

    const [first, second] = decodeYolox(output, [2, ANCHORS, WIDTH], [frame(), frame()], { inputWidth: 640, inputHeight: 384, labels: LABELS, minScore: 0.3 });

    // cx = (0.5+10)*16 = 168, cy = (0.5+5)*16 = 88, w = 64, h = 32 -> x 136..200, y 72..104 on a 640x360 picture.
    expect(first).toHaveLength(1);
    expect(first[0].classId).toBe(1);
    expect(first[0].label).toBe('b');
    expect(first[0].score).toBeCloseTo(0.72, 6);
    expectBox(first[0].box, [136 / 640, 72 / 360, 200 / 640, 104 / 360]);
    // cx = cy = 0, w = h = 32 -> -16..16, clamped.
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ classId: 2, label: 'c' });
    expect(second[0].score).toBeCloseTo(0.45, 6);
    expectBox(second[0].box, [0, 0, 16 / 640, 16 / 360]);
  });

  it('drops candidates under minScore and boxes lying in the padding', () => {
    const output = new Float32Array(ANCHORS * WIDTH);
    setAnchor(output, 0, 0, [0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5]); // score 0.25
    // Stride 8, row 46 (y = 372 > 360, the padding), column 0.
    setAnchor(output, 0, 46 * 80, [0.5, 0.5, 0, 0, 0.9, 0.9, 0, 0]);
    expect(decodeYolox(output, [1, ANCHORS, WIDTH], [frame()], { inputWidth: 640, inputHeight: 384, labels: LABELS, minScore: 0.3 })).toEqual([[]]);
  });

  it('refuses an output whose anchor count does not match the input size', () => {
    const output = new Float32Array(3549 * WIDTH);
    expect(() => decodeYolox(output, [1, 3549, WIDTH], [frame()], { inputWidth: 640, inputHeight: 384, labels: LABELS, minScore: 0.3 }))
      .toThrow(/3549 anchors.*5040/);
  });
});

function expectBox(actual: number[], expected: number[]): void {
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 6));
}
