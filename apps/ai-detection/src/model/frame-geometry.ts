import type { Frame } from '../frames/frame';
import type { RawDetection } from './detector.port';

/** What a decoder needs to know about a frame: its size and where the picture lies in it. */
export type FrameGeometry = Pick<Frame, 'format' | 'content'>;

/** Options shared by the decoders. */
export interface DecodeOptions {
  /** Class names by id; an id without a name becomes `class_<id>`. */
  labels: readonly string[];
  minScore: number;
}

export function labelOf(labels: readonly string[], classId: number): string {
  return labels[classId] ?? `class_${classId}`;
}

/**
 * Maps a box in frame pixels to normalised coordinates of the original picture (undoing the letterbox),
 * clamped to 0..1; null when nothing of it lies on the picture.
 */
export function toPictureBox(frame: FrameGeometry, x1: number, y1: number, x2: number, y2: number): RawDetection['box'] | null {
  const { x, y, width, height } = frame.content;
  const box: RawDetection['box'] = [
    clamp01((x1 - x) / width), clamp01((y1 - y) / height), clamp01((x2 - x) / width), clamp01((y2 - y) / height),
  ];
  return box[2] > box[0] && box[3] > box[1] ? box : null;
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
