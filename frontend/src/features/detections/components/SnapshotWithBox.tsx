import { useState } from 'react';
import type { BoundingBox } from '../types';

export interface SnapshotWithBoxProps {
  src: string | null;
  alt: string;
  bbox: BoundingBox;
  /** Outline this detection's box over the snapshot (which already has every box drawn). */
  showBox: boolean;
}

function BoxOverlay({ bbox }: { bbox: BoundingBox }) {
  const [x, y, width, height] = bbox;
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 1 1"
      preserveAspectRatio="none"
      className="pointer-events-none absolute inset-0 size-full"
    >
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        fill="rgb(250 204 21 / 0.12)"
        stroke="#facc15"
        strokeWidth={3}
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}

/** The large snapshot of a detection; without one, where the box was in the frame. */
export function SnapshotWithBox({ src, alt, bbox, showBox }: SnapshotWithBoxProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);

  if (!src || failedSrc === src) {
    return (
      <div className="relative flex aspect-video w-full items-center justify-center rounded-md border border-dashed border-slate-700 bg-slate-950 text-sm text-slate-500">
        <span>{src ? 'The snapshot could not be loaded.' : 'No snapshot was stored for this detection.'}</span>
        <BoxOverlay bbox={bbox} />
      </div>
    );
  }
  return (
    <div className="flex justify-center rounded-md bg-black">
      {/* Shrinks to the picture, so the overlay's 0..1 box lands on it exactly. */}
      <div className="relative inline-block max-w-full">
        <img
          src={src}
          alt={alt}
          className="block h-auto max-h-[65vh] w-auto max-w-full"
          onError={() => setFailedSrc(src)}
        />
        {showBox && <BoxOverlay bbox={bbox} />}
      </div>
    </div>
  );
}
