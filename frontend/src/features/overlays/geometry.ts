export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  x: number;
  y: number;
}

export type ObjectFit = 'contain' | 'cover' | 'fill' | 'none' | 'scale-down';

/**
 * Where the video's picture is drawn inside its element (CSS px, relative to the element), for
 * the element's `object-fit` and the default centred `object-position`. `contain` leaves bars:
 * left and right (pillarbox) for a picture narrower than the element, top and bottom (letterbox)
 * for a wider one. Null while either size is unknown (no metadata yet, element not laid out).
 */
export function displayedPictureRect(element: Size, picture: Size, fit: ObjectFit = 'contain'): Rect | null {
  if (element.width <= 0 || element.height <= 0 || picture.width <= 0 || picture.height <= 0) return null;
  if (fit === 'fill') return { x: 0, y: 0, width: element.width, height: element.height };
  const contain = Math.min(element.width / picture.width, element.height / picture.height);
  const scale = fit === 'cover' ? Math.max(element.width / picture.width, element.height / picture.height)
    : fit === 'none' ? 1
    : fit === 'scale-down' ? Math.min(1, contain)
    : contain;
  const width = picture.width * scale;
  const height = picture.height * scale;
  return { x: (element.width - width) / 2, y: (element.height - height) / 2, width, height };
}

/** The canvas bitmap for a CSS size on a screen of that pixel ratio (sharp on HiDPI screens). */
export function canvasBitmapSize(css: Size, devicePixelRatio: number): Size {
  const ratio = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  return { width: Math.max(0, Math.round(css.width * ratio)), height: Math.max(0, Math.round(css.height * ratio)) };
}

/** A normalised [x, y, w, h] box (0..1 of the picture) in element CSS px, clamped to the picture. */
export function boxInPicture(bbox: readonly [number, number, number, number], picture: Rect): Rect {
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  const left = clamp(bbox[0]);
  const top = clamp(bbox[1]);
  const right = clamp(bbox[0] + bbox[2]);
  const bottom = clamp(bbox[1] + bbox[3]);
  return {
    x: picture.x + left * picture.width,
    y: picture.y + top * picture.height,
    width: (right - left) * picture.width,
    height: (bottom - top) * picture.height,
  };
}

/** 1 while fresh, then fading linearly to 0; boxes disappear `holdMs + fadeMs` after the last update. */
export function overlayOpacity(ageMs: number, holdMs: number, fadeMs: number): number {
  if (ageMs <= holdMs) return 1;
  if (ageMs >= holdMs + fadeMs) return 0;
  return 1 - (ageMs - holdMs) / fadeMs;
}

/** "person 87%" */
export function boxLabel(className: string, confidence: number): string {
  return `${className} ${Math.round(confidence * 100)}%`;
}
