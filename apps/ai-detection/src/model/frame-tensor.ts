import type { Frame } from '../frames/frame';

export interface TensorLayout {
  /** Channel order of the planes. */
  channels: 'rgb' | 'bgr';
  /** Multiplier applied to each 0..255 byte (1 or 1/255). */
  scale: number;
}

/** Packs RGB24 row-major frames (all of the same size) into one float32 NCHW buffer. */
export function framesToNchw(frames: readonly Pick<Frame, 'rgb'>[], width: number, height: number, layout: TensorLayout): Float32Array {
  const plane = width * height;
  const data = new Float32Array(frames.length * 3 * plane);
  const [first, , last] = layout.channels === 'rgb' ? [0, 1, 2] : [2, 1, 0];
  const { scale } = layout;
  frames.forEach((frame, n) => {
    const rgb = frame.rgb;
    const r = n * 3 * plane + first * plane;
    const g = n * 3 * plane + plane;
    const b = n * 3 * plane + last * plane;
    for (let p = 0, i = 0; p < plane; p++, i += 3) {
      data[r + p] = rgb[i] * scale;
      data[g + p] = rgb[i + 1] * scale;
      data[b + p] = rgb[i + 2] * scale;
    }
  });
  return data;
}
