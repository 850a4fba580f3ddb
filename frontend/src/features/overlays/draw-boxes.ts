import type { DetectedObject } from '@/features/live-events/types';
import { boxInPicture, boxLabel, type Rect } from './geometry';

/** Bright colours that read on video, with dark label text; a class keeps its colour. */
const PALETTE = ['#facc15', '#4ade80', '#22d3ee', '#f472b6', '#a78bfa', '#fb923c', '#34d399', '#38bdf8'] as const;
const LABEL_TEXT = '#020617';

export function classColor(className: string): string {
  let hash = 0;
  for (let index = 0; index < className.length; index += 1) hash = (hash * 31 + className.charCodeAt(index)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length] ?? PALETTE[0];
}

/**
 * Strokes each box and its "class 87%" tag onto a context already scaled to CSS px. The tag sits
 * above the box, or inside it when the box touches the top of the picture.
 */
export function drawBoxes(ctx: CanvasRenderingContext2D, detections: readonly DetectedObject[], picture: Rect, opacity: number): void {
  const fontSize = Math.round(Math.min(14, Math.max(10, picture.height / 28)));
  const tagHeight = fontSize + 4;
  ctx.save();
  ctx.globalAlpha = opacity;
  ctx.lineWidth = 2;
  ctx.font = `600 ${fontSize}px ui-sans-serif, system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  for (const detection of detections) {
    const box = boxInPicture(detection.bbox, picture);
    const color = classColor(detection.class);
    ctx.strokeStyle = color;
    ctx.strokeRect(box.x + 1, box.y + 1, Math.max(0, box.width - 2), Math.max(0, box.height - 2));

    const label = boxLabel(detection.class, detection.confidence);
    const tagWidth = ctx.measureText(label).width + 8;
    const x = Math.max(picture.x, Math.min(box.x, picture.x + picture.width - tagWidth));
    const y = box.y - tagHeight >= picture.y ? box.y - tagHeight : box.y;
    ctx.fillStyle = color;
    ctx.fillRect(x, y, tagWidth, tagHeight);
    ctx.fillStyle = LABEL_TEXT;
    ctx.fillText(label, x + 4, y + tagHeight / 2);
  }
  ctx.restore();
}
