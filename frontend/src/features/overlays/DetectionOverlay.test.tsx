import { act, render, screen, waitFor } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveEvents } from '@/features/live-events/live-events';
import { liveEventsStore } from '@/features/live-events/store';
import { DetectionOverlay } from './DetectionOverlay';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

let subscribed: Map<string, number>;
let renders: Record<string, number>;

function frame(cameraId: string, second: number, count = 1) {
  return {
    cameraId,
    timestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, second)).toISOString(),
    frameId: `${cameraId}:${second}`,
    detections: Array.from({ length: count }, (_, index) => ({ class: 'car', confidence: 0.5, bbox: [0.1, 0.1, 0.2, 0.2] as [number, number, number, number], trackId: index })),
  };
}

function video(): HTMLVideoElement {
  const element = document.createElement('video');
  const sizes = { clientWidth: 320, clientHeight: 180, videoWidth: 1280, videoHeight: 720 };
  for (const [key, value] of Object.entries(sizes)) Object.defineProperty(element, key, { value });
  return element;
}

function Counted({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Profiler id={id} onRender={() => (renders[id] = (renders[id] ?? 0) + 1)}>
      {children}
    </Profiler>
  );
}

function renderOverlays(overlays: { cameraId: string; enabled?: boolean }[]) {
  const tree = (items: typeof overlays) => (
    <>
      {items.map(({ cameraId, enabled = true }) => (
        <Counted key={cameraId} id={cameraId}>
          <DetectionOverlay cameraId={cameraId} video={video()} enabled={enabled} />
        </Counted>
      ))}
    </>
  );
  const result = render(tree(overlays));
  return { ...result, rerender: (items: typeof overlays) => result.rerender(tree(items)) };
}

const canvasOf = (cameraId: string) =>
  screen.getAllByTestId('detection-overlay').find((canvas) => canvas.dataset.cameraId === cameraId)!;

beforeEach(() => {
  liveEventsStore.getState().reset();
  subscribed = new Map();
  renders = {};
  vi.spyOn(liveEvents, 'subscribeCamera').mockImplementation((cameraId: string) => {
    subscribed.set(cameraId, (subscribed.get(cameraId) ?? 0) + 1);
    return () => subscribed.set(cameraId, (subscribed.get(cameraId) ?? 0) - 1);
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({
    save() {}, restore() {}, setTransform() {}, clearRect() {}, strokeRect() {}, fillRect() {}, fillText() {},
    measureText: () => ({ width: 40 }),
  } as never);
  // The overlay makes no HTTP request (first paint comes over the socket).
  vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new Error('no HTTP expected'))));
});

afterEach(() => {
  liveEventsStore.getState().reset();
});

describe('DetectionOverlay', () => {
  it('draws its own camera\'s boxes and counts them on the canvas', async () => {
    renderOverlays([{ cameraId: A }, { cameraId: B }]);
    expect(canvasOf(A).dataset.boxCount).toBe('0');
    act(() => liveEventsStore.getState().receiveBoxes(frame(A, 1, 2)));
    await waitFor(() => expect(canvasOf(A).dataset.boxCount).toBe('2'));
    expect(canvasOf(B).dataset.boxCount).toBe('0');
    act(() => liveEventsStore.getState().receiveBoxes(frame(B, 2, 3)));
    await waitFor(() => expect(canvasOf(B).dataset.boxCount).toBe('3'));
    // A frame older than the one shown (overtaken on the way) does not replace it.
    act(() => liveEventsStore.getState().receiveBoxes(frame(A, 0, 5)));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(canvasOf(A).dataset.boxCount).toBe('2');
  });

  it('re-renders only the overlay of the camera that got boxes', async () => {
    renderOverlays([{ cameraId: A }, { cameraId: B }]);
    act(() => liveEventsStore.getState().receiveBoxes(frame(A, 1, 2)));
    renders = {};
    act(() => liveEventsStore.getState().receiveBoxes(frame(B, 5)));
    act(() => liveEventsStore.getState().receiveBoxes(frame(B, 6)));
    expect(renders).toEqual({ [B]: 2 });
  });

  it('subscribes its camera while mounted', () => {
    const { unmount } = renderOverlays([{ cameraId: A }]);
    expect(subscribed.get(A)).toBe(1);
    unmount();
    expect(subscribed.get(A)).toBe(0);
  });

  it('is hidden and draws nothing when toggled off', async () => {
    const { rerender } = renderOverlays([{ cameraId: B, enabled: false }]);
    act(() => liveEventsStore.getState().receiveBoxes(frame(B, 1)));
    expect(canvasOf(B).hidden).toBe(true);
    expect(canvasOf(B).dataset.boxCount).toBe('0');
    rerender([{ cameraId: B, enabled: true }]);
    expect(canvasOf(B).hidden).toBe(false);
    await waitFor(() => expect(canvasOf(B).dataset.boxCount).toBe('1'));
  });
});
