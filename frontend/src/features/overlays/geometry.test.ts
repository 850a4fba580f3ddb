import { describe, expect, it } from 'vitest';
import { boxInPicture, boxLabel, canvasBitmapSize, displayedPictureRect, overlayOpacity } from './geometry';

describe('displayedPictureRect', () => {
  it('fills the element when the aspect ratios match', () => {
    expect(displayedPictureRect({ width: 640, height: 360 }, { width: 1920, height: 1080 })).toEqual({ x: 0, y: 0, width: 640, height: 360 });
  });

  it('pillarboxes a 4:3 picture in a 16:9 tile (bars left and right)', () => {
    expect(displayedPictureRect({ width: 640, height: 360 }, { width: 640, height: 480 })).toEqual({ x: 80, y: 0, width: 480, height: 360 });
  });

  it('letterboxes a 16:9 picture in a square tile (bars top and bottom)', () => {
    expect(displayedPictureRect({ width: 400, height: 400 }, { width: 1280, height: 720 })).toEqual({ x: 0, y: 87.5, width: 400, height: 225 });
  });

  it('letterboxes a portrait tile the same way, scaling up a small picture', () => {
    expect(displayedPictureRect({ width: 300, height: 600 }, { width: 160, height: 120 })).toEqual({ x: 0, y: 187.5, width: 300, height: 225 });
  });

  it('follows other object-fit values', () => {
    const element = { width: 640, height: 360 };
    const picture = { width: 640, height: 480 };
    expect(displayedPictureRect(element, picture, 'cover')).toEqual({ x: 0, y: -60, width: 640, height: 480 });
    expect(displayedPictureRect(element, picture, 'fill')).toEqual({ x: 0, y: 0, width: 640, height: 360 });
    expect(displayedPictureRect(element, { width: 320, height: 240 }, 'none')).toEqual({ x: 160, y: 60, width: 320, height: 240 });
    expect(displayedPictureRect(element, { width: 320, height: 240 }, 'scale-down')).toEqual({ x: 160, y: 60, width: 320, height: 240 });
  });

  it('is null until the video has metadata and the element has a size', () => {
    expect(displayedPictureRect({ width: 640, height: 360 }, { width: 0, height: 0 })).toBeNull();
    expect(displayedPictureRect({ width: 0, height: 0 }, { width: 640, height: 480 })).toBeNull();
  });
});

describe('canvasBitmapSize', () => {
  it('multiplies by the device pixel ratio and rounds to whole pixels', () => {
    expect(canvasBitmapSize({ width: 640, height: 360 }, 1)).toEqual({ width: 640, height: 360 });
    expect(canvasBitmapSize({ width: 640, height: 360 }, 2)).toEqual({ width: 1280, height: 720 });
    expect(canvasBitmapSize({ width: 333.3, height: 187.5 }, 1.5)).toEqual({ width: 500, height: 281 });
  });

  it('treats a missing or odd ratio as 1', () => {
    expect(canvasBitmapSize({ width: 100, height: 50 }, 0)).toEqual({ width: 100, height: 50 });
    expect(canvasBitmapSize({ width: 100, height: 50 }, Number.NaN)).toEqual({ width: 100, height: 50 });
  });
});

describe('boxInPicture', () => {
  it('maps a normalised box onto the pillarboxed picture', () => {
    const picture = { x: 80, y: 0, width: 480, height: 360 };
    expect(boxInPicture([0.5, 0.25, 0.25, 0.5], picture)).toEqual({ x: 320, y: 90, width: 120, height: 180 });
    expect(boxInPicture([0, 0, 1, 1], picture)).toEqual(picture);
  });

  it('keeps boxes inside the picture, never on the bars', () => {
    const picture = { x: 0, y: 87.5, width: 400, height: 225 };
    const box = boxInPicture([0.9, 0.9, 0.3, 0.3], picture);
    expect([box.x, box.y, box.width, box.height].map((value) => Number(value.toFixed(6)))).toEqual([360, 290, 40, 22.5]);
  });
});

describe('overlayOpacity', () => {
  it('holds, fades linearly, then hides', () => {
    expect([0, 1500, 1750, 2000, 5000].map((age) => overlayOpacity(age, 1500, 500))).toEqual([1, 1, 0.5, 0, 0]);
  });
});

describe('boxLabel', () => {
  it('shows the class and the confidence in whole percent', () => {
    expect(boxLabel('person', 0.8749)).toBe('person 87%');
    expect(boxLabel('car', 1)).toBe('car 100%');
  });
});
