import type { Frame } from '../../frames/frame';
import type { SnapshotBox } from './snapshot-writer';

/** An RGB24 row-major picture. */
export interface RgbPicture {
  rgb: Buffer;
  width: number;
  height: number;
}

type Rgb = readonly [number, number, number];

const HIGHLIGHT: Rgb = [230, 25, 25];
const OTHER: Rgb = [245, 210, 30];

/** The frame's picture area with the letterbox padding cropped away (a copy: frames are reused). */
export function cropToContent(frame: Pick<Frame, 'rgb' | 'format' | 'content'>): RgbPicture {
  const { x, y, width, height } = frame.content;
  const rowBytes = width * 3;
  const rgb = Buffer.allocUnsafe(rowBytes * height);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * frame.format.width + x) * 3;
    frame.rgb.copy(rgb, row * rowBytes, from, from + rowBytes);
  }
  return { rgb, width, height };
}

/**
 * Draws each box's outline into the picture (in place): the objects the snapshot is about in red
 * and 3 px, the others in yellow and 1 px. Boxes are normalised [x1, y1, x2, y2], clipped to the picture.
 */
export function drawBoxes(picture: RgbPicture, boxes: readonly SnapshotBox[]): void {
  for (const box of [...boxes].sort((a, b) => Number(a.highlight) - Number(b.highlight))) {
    const [x1, y1, x2, y2] = box.box;
    const left = clamp(Math.round(x1 * picture.width), picture.width);
    const top = clamp(Math.round(y1 * picture.height), picture.height);
    const right = clamp(Math.round(x2 * picture.width) - 1, picture.width);
    const bottom = clamp(Math.round(y2 * picture.height) - 1, picture.height);
    if (right < left || bottom < top) continue;
    const colour = box.highlight ? HIGHLIGHT : OTHER;
    const thickness = box.highlight ? 3 : 1;
    for (let t = 0; t < thickness; t++) {
      fillRect(picture, left, top + t, right, top + t, colour);
      fillRect(picture, left, bottom - t, right, bottom - t, colour);
      fillRect(picture, left + t, top, left + t, bottom, colour);
      fillRect(picture, right - t, top, right - t, bottom, colour);
    }
  }
}

function clamp(value: number, size: number): number {
  return Math.max(0, Math.min(size - 1, value));
}

function fillRect(picture: RgbPicture, x1: number, y1: number, x2: number, y2: number, [r, g, b]: Rgb): void {
  const left = clamp(x1, picture.width);
  const right = clamp(x2, picture.width);
  for (let y = clamp(y1, picture.height); y <= clamp(y2, picture.height); y++) {
    for (let x = left; x <= right; x++) {
      const i = (y * picture.width + x) * 3;
      picture.rgb[i] = r;
      picture.rgb[i + 1] = g;
      picture.rgb[i + 2] = b;
    }
  }
}
