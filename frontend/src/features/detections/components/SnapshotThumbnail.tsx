import { useState } from 'react';

export interface SnapshotThumbnailProps {
  src: string | null;
}

/** A small still for a list row; the row's text says what it shows, so it is decorative. */
export function SnapshotThumbnail({ src }: SnapshotThumbnailProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const frame = 'aspect-video w-24 shrink-0 overflow-hidden rounded border border-slate-800 bg-slate-900';
  if (!src || failedSrc === src) {
    return (
      <div className={`${frame} flex items-center justify-center text-[10px] uppercase tracking-wide text-slate-600`}>
        No image
      </div>
    );
  }
  return (
    <div className={frame}>
      <img
        src={src}
        alt=""
        loading="lazy"
        decoding="async"
        className="size-full object-cover"
        onError={() => setFailedSrc(src)}
      />
    </div>
  );
}
