import type { CameraBoxes } from '@/features/live-events/types';
import { drawBoxes } from './draw-boxes';
import { canvasBitmapSize, displayedPictureRect, overlayOpacity, type ObjectFit, type Rect } from './geometry';

/** Boxes stay fully visible this long after their update (inference runs about once a second)... */
export const HOLD_MS = 1500;
/** ...then fade out over this long: gone 2 s after the last update. */
export const FADE_MS = 500;

export interface RendererEnvironment {
  now: () => number;
  requestFrame: (callback: () => void) => number;
  cancelFrame: (handle: number) => void;
  devicePixelRatio: () => number;
}

const browser: RendererEnvironment = {
  now: () => Date.now(),
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  devicePixelRatio: () => window.devicePixelRatio || 1,
};

const FITS: readonly string[] = ['contain', 'cover', 'fill', 'none', 'scale-down'];

/**
 * Draws one camera's boxes on a canvas laid over its video. Draws in an animation frame only when
 * something changed (boxes, size, toggle) or while fading; idle otherwise. The canvas's
 * `data-box-count` says how many boxes are on screen.
 */
export class OverlayRenderer {
  private video: HTMLVideoElement | null = null;
  private boxes: CameraBoxes | undefined;
  private enabled = true;
  private picture: Rect | null = null;
  private ratio = 1;
  private frame: number | null = null;
  private fadeTimer: ReturnType<typeof setTimeout> | null = null;
  private drawnCount = -1;
  private context: CanvasRenderingContext2D | null | undefined;
  private readonly resizeObserver: ResizeObserver | null;
  private readonly handleVideoResize = () => this.layout();

  constructor(private readonly canvas: HTMLCanvasElement, private readonly env: RendererEnvironment = browser) {
    this.resizeObserver = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(this.handleVideoResize);
    // Laid over the video whatever stylesheet the tile has; clicks go through to the tile.
    canvas.style.position = 'absolute';
    canvas.style.pointerEvents = 'none';
    this.setCount(0);
  }

  setVideo(video: HTMLVideoElement | null): void {
    if (video === this.video) return;
    if (this.video) {
      this.video.removeEventListener('loadedmetadata', this.handleVideoResize);
      this.video.removeEventListener('resize', this.handleVideoResize);
    }
    this.resizeObserver?.disconnect();
    this.video = video;
    if (video) {
      // `resize` fires when the stream's picture size changes (another rendition, a camera change).
      video.addEventListener('loadedmetadata', this.handleVideoResize);
      video.addEventListener('resize', this.handleVideoResize);
      this.observe(video);
      if (this.canvas.parentElement) this.resizeObserver?.observe(this.canvas.parentElement);
    }
    this.layout();
  }

  setBoxes(boxes: CameraBoxes | undefined): void {
    if (boxes === this.boxes) return;
    this.boxes = boxes;
    this.invalidate();
  }

  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    // Hidden canvases have no layout: measure again when shown.
    if (enabled) this.layout();
    else this.invalidate();
  }

  destroy(): void {
    this.setVideo(null);
    this.resizeObserver?.disconnect();
    if (this.frame !== null) this.env.cancelFrame(this.frame);
    this.frame = null;
    this.clearFadeTimer();
  }

  /** Lays the canvas over the video element and works out where its picture is. */
  private layout(): void {
    const video = this.video;
    if (!video || !this.enabled) {
      this.picture = null;
      this.invalidate();
      return;
    }
    const element = { width: video.clientWidth, height: video.clientHeight };
    const { left, top } = this.videoOffset(video);
    const style = this.canvas.style;
    style.left = `${left}px`;
    style.top = `${top}px`;
    style.width = `${element.width}px`;
    style.height = `${element.height}px`;
    this.ratio = this.env.devicePixelRatio();
    const bitmap = canvasBitmapSize(element, this.ratio);
    // Assigning the size clears the bitmap even when unchanged: only when it changed.
    if (this.canvas.width !== bitmap.width) this.canvas.width = bitmap.width;
    if (this.canvas.height !== bitmap.height) this.canvas.height = bitmap.height;
    const fit = getComputedStyle(video).objectFit;
    this.picture = displayedPictureRect(
      element,
      { width: video.videoWidth, height: video.videoHeight },
      FITS.includes(fit) ? (fit as ObjectFit) : 'contain',
    );
    this.invalidate();
  }

  /** The video's position in the canvas's positioning parent (they are usually siblings). */
  private videoOffset(video: HTMLVideoElement): { left: number; top: number } {
    const parent = this.canvas.offsetParent;
    if (!parent || video.offsetParent === parent) return { left: video.offsetLeft, top: video.offsetTop };
    const outer = parent.getBoundingClientRect();
    const inner = video.getBoundingClientRect();
    return { left: inner.left - outer.left - parent.clientLeft, top: inner.top - outer.top - parent.clientTop };
  }

  private observe(video: HTMLVideoElement): void {
    if (!this.resizeObserver) return;
    try {
      // Device pixels also change with browser zoom and when the window moves to another screen.
      this.resizeObserver.observe(video, { box: 'device-pixel-content-box' });
    } catch {
      this.resizeObserver.observe(video);
    }
  }

  private invalidate(): void {
    this.clearFadeTimer();
    if (this.frame !== null) return;
    this.frame = this.env.requestFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  private draw(): void {
    const age = this.boxes ? this.env.now() - this.boxes.receivedAt : Number.POSITIVE_INFINITY;
    const opacity = this.enabled && this.picture && this.boxes ? overlayOpacity(age, HOLD_MS, FADE_MS) : 0;
    const detections = opacity > 0 && this.boxes ? this.boxes.frame.detections : [];
    const ctx = this.getContext();
    if (ctx) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
      if (detections.length > 0 && this.picture) {
        ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
        drawBoxes(ctx, detections, this.picture, opacity);
      }
    }
    this.setCount(detections.length);
    if (detections.length === 0) return;
    // Fully visible: sleep until the fade starts. Fading: the next animation frame.
    if (age < HOLD_MS) this.fadeTimer = setTimeout(() => this.invalidate(), HOLD_MS - age);
    else this.invalidate();
  }

  private getContext(): CanvasRenderingContext2D | null {
    if (this.context === undefined) this.context = this.canvas.getContext('2d');
    return this.context;
  }

  private setCount(count: number): void {
    if (count === this.drawnCount) return;
    this.drawnCount = count;
    this.canvas.dataset.boxCount = String(count);
  }

  private clearFadeTimer(): void {
    if (this.fadeTimer !== null) clearTimeout(this.fadeTimer);
    this.fadeTimer = null;
  }
}
