import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useCameraBoxes, useCameraSubscriptions } from '@/features/live-events/hooks/use-live-events';
import type { CameraBoxes } from '@/features/live-events/types';
import { latestBoxesQuery } from './api';
import { OverlayRenderer } from './overlay-renderer';

export interface DetectionOverlayProps {
  cameraId: string;
  /** The tile's <video>; boxes are scaled to its letterboxed picture. Null until it mounts. */
  video: HTMLVideoElement | null;
  /** The per-tile overlay toggle. */
  enabled: boolean;
}

/** The fresher of the live boxes and the first-paint boxes fetched over HTTP. */
export function newestBoxes(live: CameraBoxes | undefined, first: CameraBoxes | undefined): CameraBoxes | undefined {
  if (!first) return live;
  if (!live) return first;
  return Date.parse(first.frame.timestamp) > Date.parse(live.frame.timestamp) ? first : live;
}

/**
 * Boxes and "class 87%" labels over one tile's video, from the camera's live `detection.boxes`
 * (first paint from the latest inferred frame). Re-renders only when this camera's boxes change;
 * the canvas itself is drawn outside React.
 */
export function DetectionOverlay({ cameraId, video, enabled }: DetectionOverlayProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<OverlayRenderer | null>(null);
  useCameraSubscriptions([cameraId]);
  const live = useCameraBoxes(cameraId);
  const { data: latest, dataUpdatedAt } = useQuery({ ...latestBoxesQuery(cameraId), enabled });
  const first = useMemo(() => (latest ? { frame: latest, receivedAt: dataUpdatedAt } : undefined), [latest, dataUpdatedAt]);
  const boxes = newestBoxes(live, first);

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
