export interface DetectionOverlayProps {
  cameraId: string;
  /** The tile's <video>; boxes are scaled to its letterboxed picture. Null until it mounts. */
  video: HTMLVideoElement | null;
  /** The per-tile overlay toggle. */
  enabled: boolean;
}

/** Boxes and labels over one tile (placeholder until the overlay lands). */
export function DetectionOverlay(_props: DetectionOverlayProps) {
  return null;
}
