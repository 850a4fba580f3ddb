import type { Frame } from '../../frames/frame';
import { cropToContent, drawBoxes, RgbPicture } from './snapshot-picture';

function pixel(picture: RgbPicture, x: number, y: number): number[] {
  const i = (y * picture.width + x) * 3;
  return [...picture.rgb.subarray(i, i + 3)];
}

/** A 6x6 letterboxed frame whose 6x2 content (rows 2-3) has pixel value x*10+y in every channel. */
function frame(): Pick<Frame, 'rgb' | 'format' | 'content'> {
  const rgb = Buffer.alloc(6 * 6 * 3, 114);
  for (let y = 2; y < 4; y++) for (let x = 0; x < 6; x++) rgb.fill(x * 10 + y, (y * 6 + x) * 3, (y * 6 + x) * 3 + 3);
  return { rgb, format: { width: 6, height: 6, fit: 'letterbox-center', padRgb: [114, 114, 114] }, content: { x: 0, y: 2, width: 6, height: 2 } };
}

describe('cropToContent', () => {
  it('keeps only the picture area, row by row, as a copy', () => {
    const source = frame();
    const picture = cropToContent(source);
    expect([picture.width, picture.height]).toEqual([6, 2]);
    expect(pixel(picture, 0, 0)).toEqual([2, 2, 2]);
    expect(pixel(picture, 5, 1)).toEqual([53, 53, 53]);
    picture.rgb.fill(0);
    expect(source.rgb[(2 * 6) * 3]).toBe(2);
  });
});

describe('drawBoxes', () => {
  const blank = (): RgbPicture => ({ rgb: Buffer.alloc(20 * 10 * 3), width: 20, height: 10 });

  it('draws a 1 px yellow outline for other objects and leaves the inside alone', () => {
    const picture = blank();
    drawBoxes(picture, [{ box: [0.25, 0.2, 0.75, 0.8], label: 'car', highlight: false }]);
    expect(pixel(picture, 5, 2)).toEqual([245, 210, 30]);
    expect(pixel(picture, 14, 7)).toEqual([245, 210, 30]);
    expect(pixel(picture, 10, 2)).toEqual([245, 210, 30]);
    expect(pixel(picture, 10, 5)).toEqual([0, 0, 0]);
    expect(pixel(picture, 6, 3)).toEqual([0, 0, 0]);
    expect(pixel(picture, 4, 2)).toEqual([0, 0, 0]);
  });

  it('draws the objects the snapshot is about 3 px thick in red, over the others', () => {
    const picture: RgbPicture = { rgb: Buffer.alloc(20 * 20 * 3), width: 20, height: 20 };
    drawBoxes(picture, [
      { box: [0.25, 0.2, 0.75, 0.8], label: 'person', highlight: true },
      { box: [0.25, 0.2, 0.75, 0.8], label: 'car', highlight: false },
    ]);
    for (const x of [5, 6, 7]) expect(pixel(picture, x, 10)).toEqual([230, 25, 25]);
    expect(pixel(picture, 8, 10)).toEqual([0, 0, 0]);
  });

  it('clips boxes that reach past the picture and skips empty ones', () => {
    const picture = blank();
    expect(() => drawBoxes(picture, [
      { box: [-0.5, -0.5, 1.5, 1.5], label: 'bus', highlight: true },
      { box: [0.5, 0.5, 0.5, 0.5], label: 'dot', highlight: false },
    ])).not.toThrow();
    expect(pixel(picture, 0, 0)).toEqual([230, 25, 25]);
    expect(pixel(picture, 19, 9)).toEqual([230, 25, 25]);
    expect(pixel(picture, 10, 5)).toEqual([0, 0, 0]);
  });
});
