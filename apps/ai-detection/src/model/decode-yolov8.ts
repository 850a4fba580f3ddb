import type { RawDetection } from './detector.port';
import { DecodeOptions, FrameGeometry, labelOf, toPictureBox } from './frame-geometry';

/**
 * Decodes a YOLOv8-style output [N, 4+C, A] (channel-major: cx, cy, w, h in input pixels, then C class scores,
 * no objectness) into the best class per anchor. No NMS.
 */
export function decodeYolov8(
  output: Float32Array, dims: readonly number[], frames: readonly FrameGeometry[], options: DecodeOptions,
): RawDetection[][] {
  const { labels, minScore } = options;
  if (dims.length !== 3 || dims[1] < 5) throw new Error(`YOLOv8 output must be [N, 4+C, A]; got [${dims.join(', ')}]`);
  const [batch, channels, anchors] = dims;
  if (batch !== frames.length) throw new Error(`YOLOv8 output holds ${batch} images for ${frames.length} frames`);
  const classes = channels - 4;
  return frames.map((frame, n) => {
    const image = n * channels * anchors;
    const at = (channel: number, anchor: number) => output[image + channel * anchors + anchor];
    const detections: RawDetection[] = [];
    for (let a = 0; a < anchors; a++) {
      let classId = 0;
      let score = at(4, a);
      for (let c = 1; c < classes; c++) {
        const value = at(4 + c, a);
        if (value > score) {
          score = value;
          classId = c;
        }
      }
      if (score < minScore) continue;
      const cx = at(0, a);
      const cy = at(1, a);
      const w = at(2, a);
      const h = at(3, a);
      const box = toPictureBox(frame, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
      if (box) detections.push({ classId, label: labelOf(labels, classId), score, box });
    }
    return detections;
  });
}
