import { memo } from 'react';
import type { RecentDetection } from '@/features/live-events/types';
import { formatConfidence } from '../panel-model';
import { EventThumbnail } from './EventThumbnail';
import { RelativeTime } from './RelativeTime';

export interface LiveEventRowProps {
  detection: RecentDetection;
  cameraName: string;
  onOpenCamera: (cameraId: string) => void;
}

/** One detected object; activating it (click, Enter, Space) opens its camera. */
export const LiveEventRow = memo(function LiveEventRow({ detection, cameraName, onOpenCamera }: LiveEventRowProps) {
  return (
    <li>
      <button
        type="button"
        data-testid="live-event"
        data-class={detection.class}
        data-camera-id={detection.cameraId}
        onClick={() => onOpenCamera(detection.cameraId)}
        className="flex w-full items-center gap-3 px-3 py-2 text-left transition-colors hover:bg-slate-800/70 focus-visible:bg-slate-800/70 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-400"
      >
        <EventThumbnail src={detection.snapshotUrl} />
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline justify-between gap-2">
            <span className="truncate font-medium capitalize text-slate-100">{detection.class}</span>
            <span className="shrink-0 text-sm tabular-nums text-slate-300">{formatConfidence(detection.confidence)}</span>
          </span>
          <span className="mt-0.5 flex items-baseline justify-between gap-2 text-xs text-slate-400">
            <span className="truncate">{cameraName}</span>
            <RelativeTime timestamp={detection.timestamp} />
          </span>
          <span className="sr-only">. Open this camera</span>
        </span>
      </button>
    </li>
  );
});
