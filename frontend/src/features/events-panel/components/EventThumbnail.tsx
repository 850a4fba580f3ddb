import { useState } from 'react';
import { CameraIcon } from '@/components/ui/icons';

/** The event's snapshot (boxes already drawn in it), or a camera glyph when there is none. */
export function EventThumbnail({ src }: { src: string | null }) {
  const [failed, setFailed] = useState(false);
  const frame = 'aspect-video w-20 shrink-0 overflow-hidden rounded bg-slate-800 sm:w-24';
  if (!src || failed) {
    return (
      <div aria-hidden="true" className={`${frame} flex items-center justify-center text-slate-600`}>
        <CameraIcon className="size-5" />
      </div>
    );
  }
  return (
    <img
      src={src}
      alt=""
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
      className={`${frame} object-cover`}
    />
  );
}
