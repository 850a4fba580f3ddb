import type { RawDetection } from './detector.port';
import { DecodeOptions, FrameGeometry, labelOf, toPictureBox } from './frame-geometry';

export const YOLOX_STRIDES: readonly number[] = [8, 16, 32];

export interface YoloxDecodeOptions extends DecodeOptions {
  /** The model's input size in pixels (the anchor grids derive from it). */
  inputWidth: number;
  inputHeight: number;
  strides?: readonly number[];
}

/**
 * Decodes a YOLOX head output [N, A, 5+C] (raw box offsets; objectness and class scores already sigmoid) into
 * the best class per anchor, score = objectness * class score. No NMS.
 */
export function decodeYolox(
  output: Float32Array, dims: readonly number[], frames: readonly FrameGeometry[], options: YoloxDecodeOptions,
): RawDetection[][] {
  const { inputWidth, inputHeight, labels, minScore } = options;
  const strides = options.strides ?? YOLOX_STRIDES;
  if (dims.length !== 3 || dims[2] < 6) throw new Error(`YOLOX output must be [N, A, 5+C]; got [${dims.join(', ')}]`);
  const [batch, anchors, width] = dims;
  const grid = anchorGrid(inputWidth, inputHeight, strides);
  if (grid.length / 3 !== anchors) {
    throw new Error(`YOLOX output has ${anchors} anchors; a ${inputWidth}x${inputHeight} input over strides ${strides.join('/')} gives ${grid.length / 3}`);
  }
  if (batch !== frames.length) throw new Error(`YOLOX output holds ${batch} images for ${frames.length} frames`);
  const classes = width - 5;
  return frames.map((frame, n) => {
    const detections: RawDetection[] = [];
    for (let a = 0; a < anchors; a++) {
      const base = (n * anchors + a) * width;
      const objectness = output[base + 4];
      if (objectness < minScore) continue; // class scores are at most 1
      let classId = 0;
      let best = output[base + 5];
      for (let c = 1; c < classes; c++) {
        if (output[base + 5 + c] > best) {
          best = output[base + 5 + c];
          classId = c;
        }
      }
      const score = objectness * best;
      if (score < minScore) continue;
      const gx = grid[a * 3];
      const gy = grid[a * 3 + 1];
      const stride = grid[a * 3 + 2];
      const cx = (output[base] + gx) * stride;
      const cy = (output[base + 1] + gy) * stride;
      const w = Math.exp(output[base + 2]) * stride;
      const h = Math.exp(output[base + 3]) * stride;
      const box = toPictureBox(frame, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
      if (box) detections.push({ classId, label: labelOf(labels, classId), score, box });
    }
    return detections;
  });
}

/** (gx, gy, stride) per anchor, in YOLOX output order: stride by stride, row by row. */
function anchorGrid(width: number, height: number, strides: readonly number[]): Int32Array {
  const cells = strides.reduce((sum, s) => sum + Math.floor(width / s) * Math.floor(height / s), 0);
  const grid = new Int32Array(cells * 3);
  let i = 0;
  for (const stride of strides) {
    const columns = Math.floor(width / stride);
    const rows = Math.floor(height / stride);
    for (let gy = 0; gy < rows; gy++) {
      for (let gx = 0; gx < columns; gx++) {
        grid[i++] = gx;
        grid[i++] = gy;
        grid[i++] = stride;
      }
    }
  }
  return grid;
}
