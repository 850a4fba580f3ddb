import { contentRectOf, FrameFormat } from '../frames/frame';
import { decodeYolov8 } from './decode-yolov8';

// A 640x384 model with 3 classes and 5 anchors: output [N, 7, 5], channel-major.
const FORMAT: FrameFormat = { width: 640, height: 384, fit: 'letterbox-center', padRgb: [114, 114, 114] };
const CHANNELS = 7;
const ANCHORS = 5;

function setAnchor(output: Float32Array, image: number, anchor: number, values: number[]): void {
  values.forEach((value, channel) => { output[(image * CHANNELS + channel) * ANCHORS + anchor] = value; });
}

describe('decodeYolov8', () => {
  it('reads the transposed layout, takes the best class and undoes a centred letterbox', () => {
    // 1280x720 -> 640x360 centred: 12 rows of padding above.
    const frame = { format: FORMAT, content: contentRectOf(FORMAT, 1280, 720) };
    expect(frame.content).toEqual({ x: 0, y: 12, width: 640, height: 360 });
    const output = new Float32Array(2 * CHANNELS * ANCHORS);
    setAnchor(output, 0, 2, [320, 192, 64, 36, 0.2, 0.1, 0.7]);
    setAnchor(output, 0, 4, [100, 100, 10, 10, 0.1, 0.25, 0.2]); // best 0.25 < minScore
    setAnchor(output, 1, 0, [64, 48, 128, 48, 0.6, 0.1, 0.1]);

    const [first, second] = decodeYolov8(output, [2, CHANNELS, ANCHORS], [frame, frame], { labels: ['a', 'b'], minScore: 0.3 });

    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ classId: 2, label: 'class_2' });
    expect(first[0].score).toBeCloseTo(0.7, 6);
    // x 288..352, y 174..210 in the frame -> minus the 12-row offset, over 640x360.
    expectBox(first[0].box, [0.45, 0.45, 0.55, 0.55]);
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ classId: 0, label: 'a' });
    // x 0..128, y 24..72 -> y (24-12)/360 .. (72-12)/360.
    expectBox(second[0].box, [0, 12 / 360, 0.2, 60 / 360]);
  });
});

function expectBox(actual: number[], expected: number[]): void {
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 6));
}
