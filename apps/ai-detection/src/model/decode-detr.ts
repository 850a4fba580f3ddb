import type { RawDetection } from './detector.port';
import { DecodeOptions, FrameGeometry, labelOf, toPictureBox } from './frame-geometry';

export interface DetrOutputs {
  /** [N, Q] class ids (int64 from ORT). */
  labels: ArrayLike<bigint> | ArrayLike<number>;
  /** [N, Q, 4] xyxy in the pixel space of the `orig_target_sizes` given to the model. */
  boxes: Float32Array;
  /** [N, Q]. */
  scores: Float32Array;
  /** The dims of `scores`: [N, Q]. */
  dims: readonly number[];
}

export interface DetrDecodeOptions extends DecodeOptions {
  /** The (width, height) per image that was fed as `orig_target_sizes`. */
  targetSizes: ReadonlyArray<readonly [number, number]>;
}

/** Decodes DETR-family outputs (labels, boxes, scores per query; already one box per object). */
export function decodeDetr(outputs: DetrOutputs, frames: readonly FrameGeometry[], options: DetrDecodeOptions): RawDetection[][] {
  const { labels, minScore, targetSizes } = options;
  if (outputs.dims.length !== 2) throw new Error(`DETR scores must be [N, Q]; got [${outputs.dims.join(', ')}]`);
  const [batch, queries] = outputs.dims;
  if (batch !== frames.length || targetSizes.length !== frames.length) {
    throw new Error(`DETR output holds ${batch} images for ${frames.length} frames and ${targetSizes.length} target sizes`);
  }
  if (outputs.boxes.length !== batch * queries * 4 || outputs.labels.length !== batch * queries) {
    throw new Error('DETR labels/boxes do not match the scores shape');
  }
  return frames.map((frame, n) => {
    // Boxes come in target-size pixels; bring them to frame pixels before undoing the fit.
    const sx = frame.format.width / targetSizes[n][0];
    const sy = frame.format.height / targetSizes[n][1];
    const detections: RawDetection[] = [];
    for (let q = 0; q < queries; q++) {
      const i = n * queries + q;
      const score = outputs.scores[i];
      if (!(score >= minScore)) continue;
      const classId = Number(outputs.labels[i]);
      const b = i * 4;
      const box = toPictureBox(frame, outputs.boxes[b] * sx, outputs.boxes[b + 1] * sy, outputs.boxes[b + 2] * sx, outputs.boxes[b + 3] * sy);
      if (box) detections.push({ classId, label: labelOf(labels, classId), score, box });
    }
    return detections;
  });
}
