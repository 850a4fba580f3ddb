import { useEffect, useRef } from 'react';
import { useCameraBoxes, useCameraSubscriptions } from '@/features/live-events/hooks/use-live-events';
import { OverlayRenderer } from './overlay-renderer';

export interface DetectionOverlayProps {
  cameraId: string;
  /** The tile's <video>; boxes are scaled to its letterboxed picture. Null until it mounts. */
  video: HTMLVideoElement | null;
  /** The per-tile overlay toggle. */
  enabled: boolean;
}

/**
 * Boxes and "class 87%" labels over one tile's video, from the camera's `detection.boxes` pushes.
 * First paint: the gateway answers a subscription with the camera's current boxes, so there is
 * no HTTP request (GET /api/ai/cameras/:id/latest answers 404 when nothing was inferred lately,
 * which browsers log as a console error). Re-renders only when this camera's boxes change; the
 * canvas itself is drawn outside React.
 */
export function DetectionOverlay({ cameraId, video, enabled }: DetectionOverlayProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<OverlayRenderer | null>(null);
  useCameraSubscriptions([cameraId]);
  const boxes = useCameraBoxes(cameraId);

  useEffect(() => {
    const renderer = new OverlayRenderer(canvasRef.current!);
    rendererRef.current = renderer;
    return () => {
      renderer.destroy();
      rendererRef.current = null;
    };
  }, []);
  useEffect(() => rendererRef.current?.setVideo(video), [video]);
  useEffect(() => rendererRef.current?.setEnabled(enabled), [enabled]);
  useEffect(() => rendererRef.current?.setBoxes(boxes), [boxes]);

  return (
    <canvas
      ref={canvasRef}
      data-testid="detection-overlay"
      data-camera-id={cameraId}
      data-box-count={0}
      hidden={!enabled}
      aria-hidden="true"
      className="pointer-events-none absolute left-0 top-0"
    />
  );
}
