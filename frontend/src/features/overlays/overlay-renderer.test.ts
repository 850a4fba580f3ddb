import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CameraBoxes } from '@/features/live-events/types';
import { FADE_MS, HOLD_MS, OverlayRenderer, type RendererEnvironment } from './overlay-renderer';

/** Records what the renderer draws; enough of a 2D context for drawBoxes. */
function fakeContext() {
  const calls = { strokeRect: [] as number[][], fillText: [] as string[], clearRect: 0, transforms: [] as number[][] };
  const ctx = {
    save: () => undefined,
    restore: () => undefined,
    setTransform: (...args: number[]) => calls.transforms.push(args),
    clearRect: () => (calls.clearRect += 1),
    strokeRect: (...args: number[]) => calls.strokeRect.push(args),
    fillRect: () => undefined,
    fillText: (text: string) => calls.fillText.push(text),
    measureText: (text: string) => ({ width: text.length * 6 }),
    globalAlpha: 1,
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

function fakeVideo(size: { clientWidth: number; clientHeight: number; videoWidth: number; videoHeight: number }): HTMLVideoElement {
  const video = document.createElement('video');
  for (const [key, value] of Object.entries(size)) Object.defineProperty(video, key, { value, configurable: true });
  return video;
}

function boxes(receivedAt: number, count = 1): CameraBoxes {
  return {
    receivedAt,
    frame: {
      cameraId: 'cam',
      timestamp: new Date(receivedAt).toISOString(),
      frameId: String(receivedAt),
      detections: Array.from({ length: count }, (_, index) => ({ class: 'person', confidence: 0.87, bbox: [0.5, 0.25, 0.25, 0.5], trackId: index })),
    },
  };
}

let now: number;
let frames: (() => void)[];
let env: RendererEnvironment;
let canvas: HTMLCanvasElement;
let drawn: ReturnType<typeof fakeContext>;

/** Runs the animation frames requested so far (the browser painting once). */
function paint(): number {
  const pending = frames.splice(0);
  for (const frame of pending) frame();
  return pending.length;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  now = 10_000;
  frames = [];
  env = { now: () => now, requestFrame: (callback) => frames.push(callback), cancelFrame: () => undefined, devicePixelRatio: () => 2 };
  canvas = document.createElement('canvas');
  document.body.append(canvas);
  drawn = fakeContext();
  vi.spyOn(canvas, 'getContext').mockReturnValue(drawn.ctx as never);
});

afterEach(() => {
  vi.useRealTimers();
  canvas.remove();
});

describe('OverlayRenderer', () => {
  it('covers the video, sizes the bitmap for the pixel ratio, and draws boxes on the pillarboxed picture', () => {
    const renderer = new OverlayRenderer(canvas, env);
    // A 4:3 stream in a 16:9 tile: bars of 80 px left and right.
    renderer.setVideo(fakeVideo({ clientWidth: 640, clientHeight: 360, videoWidth: 640, videoHeight: 480 }));
    renderer.setBoxes(boxes(now));
    paint();
    expect([canvas.style.width, canvas.style.height, canvas.width, canvas.height]).toEqual(['640px', '360px', 1280, 720]);
    expect(drawn.calls.transforms.at(-1)).toEqual([2, 0, 0, 2, 0, 0]);
    expect(drawn.calls.strokeRect).toEqual([[321, 91, 118, 178]]);
    expect(drawn.calls.fillText).toEqual(['person 87%']);
    expect(canvas.dataset.boxCount).toBe('1');
    renderer.destroy();
  });

  it('paints only when something changed, holds, fades, then goes idle', () => {
    const renderer = new OverlayRenderer(canvas, env);
    renderer.setVideo(fakeVideo({ clientWidth: 320, clientHeight: 180, videoWidth: 1280, videoHeight: 720 }));
    renderer.setBoxes(boxes(now, 3));
    expect(paint()).toBe(1);
    expect(canvas.dataset.boxCount).toBe('3');
    // Fully visible: no animation frames while holding.
    now += HOLD_MS - 1;
    vi.advanceTimersByTime(HOLD_MS - 1);
    expect(paint()).toBe(0);
    now += 1;
    vi.advanceTimersByTime(1);
    // Fading: a frame per paint until gone.
    expect(paint()).toBe(1);
    now += FADE_MS / 2;
    expect(paint()).toBe(1);
    expect(canvas.dataset.boxCount).toBe('3');
    now += FADE_MS / 2;
    expect(paint()).toBe(1);
    expect(canvas.dataset.boxCount).toBe('0');
    expect(paint()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(paint()).toBe(0);
    renderer.destroy();
  });

  it('a new update while fading shows the boxes at full strength again', () => {
    const renderer = new OverlayRenderer(canvas, env);
    renderer.setVideo(fakeVideo({ clientWidth: 320, clientHeight: 180, videoWidth: 1280, videoHeight: 720 }));
    renderer.setBoxes(boxes(now));
    paint();
    now += HOLD_MS + FADE_MS / 2;
    vi.advanceTimersByTime(HOLD_MS);
    paint();
    renderer.setBoxes(boxes(now, 2));
    paint();
    expect(canvas.dataset.boxCount).toBe('2');
    expect(vi.getTimerCount()).toBe(1);
    renderer.destroy();
  });

  it('draws nothing when disabled, without a video picture, or for boxes already too old', () => {
    const renderer = new OverlayRenderer(canvas, env);
    const video = fakeVideo({ clientWidth: 320, clientHeight: 180, videoWidth: 0, videoHeight: 0 });
    renderer.setVideo(video);
    renderer.setBoxes(boxes(now));
    paint();
    expect(canvas.dataset.boxCount).toBe('0');

    Object.defineProperty(video, 'videoWidth', { value: 1280 });
    Object.defineProperty(video, 'videoHeight', { value: 720 });
    video.dispatchEvent(new Event('loadedmetadata'));
    paint();
    expect(canvas.dataset.boxCount).toBe('1');

    renderer.setEnabled(false);
    paint();
    expect(canvas.dataset.boxCount).toBe('0');
    renderer.setEnabled(true);
    paint();
    expect(canvas.dataset.boxCount).toBe('1');

    renderer.setBoxes(boxes(now - HOLD_MS - FADE_MS));
    paint();
    expect(canvas.dataset.boxCount).toBe('0');
    renderer.destroy();
  });
});
