import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { LoadError } from '@/components/ui/LoadError';
import { Spinner } from '@/components/ui/Spinner';
import {
  useCameraSubscriptions,
  useLiveConnection,
  useRecentDetections,
} from '@/features/live-events/hooks/use-live-events';
import { panelCamerasQuery } from './api';
import { ConnectionBadge, ConnectionNotice } from './components/ConnectionNotice';
import { EventFilters } from './components/EventFilters';
import { LiveEventRow } from './components/LiveEventRow';
import { camerasToWatch, classOptions, MAX_WATCHED_CAMERAS } from './panel-model';
import type { EventsPanelFilter } from './types';

export interface LiveEventsPanelProps {
  /** Called when the user opens a camera from an event (the live page shows it large). */
  onOpenCamera: (cameraId: string) => void;
}

const NO_FILTER: EventsPanelFilter = { cameraId: null, class: null };

/** Live list of detection events beside the mosaic, newest first, for every camera the user can see. */
export function LiveEventsPanel({ onOpenCamera }: LiveEventsPanelProps) {
  const headingId = useId();
  const [filter, setFilter] = useState<EventsPanelFilter>(NO_FILTER);
  const camerasQuery = useQuery(panelCamerasQuery());
  const cameras = useMemo(() => camerasQuery.data ?? [], [camerasQuery.data]);
  const watched = useMemo(() => camerasToWatch(cameras), [cameras]);
  useCameraSubscriptions(watched);

  const connection = useLiveConnection();
  const all = useRecentDetections();
  const rows = useRecentDetections(filter);
  const names = useMemo(() => new Map(cameras.map((camera) => [camera.id, camera.name])), [cameras]);
  const classes = useMemo(() => classOptions(all, filter.class), [all, filter.class]);
  const filtered = filter.cameraId !== null || filter.class !== null;

  // No frame of its own: the host (the live page's side panel) draws it; the list scrolls inside.
  return (
    <section
      aria-labelledby={headingId}
      className="flex h-full min-h-0 flex-col"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-800 px-3 py-2">
        <h2 id={headingId} className="text-sm font-semibold text-slate-100">
          Live events
        </h2>
        <ConnectionBadge connection={connection} />
      </div>
      <EventFilters cameras={cameras} classes={classes} value={filter} onChange={setFilter} />
      <ConnectionNotice connection={connection} />
      {cameras.length > MAX_WATCHED_CAMERAS && (
        <p className="border-b border-slate-800 px-3 py-2 text-xs text-slate-400">
          Showing events from {MAX_WATCHED_CAMERAS} of {cameras.length} cameras (AI-enabled first).
        </p>
      )}

      {camerasQuery.isPending ? (
        <div className="p-4">
          <Spinner label="Loading cameras…" />
        </div>
      ) : camerasQuery.isError ? (
        <LoadError className="p-3" onRetry={() => void camerasQuery.refetch()}>
          Could not load the cameras: {camerasQuery.error.message}
        </LoadError>
      ) : rows.length === 0 ? (
        <EmptyList
          noCameras={cameras.length === 0}
          filtered={filtered}
          live={connection.state === 'open'}
          onClearFilters={() => setFilter(NO_FILTER)}
        />
      ) : (
        <ul aria-label="Recent detections, newest first" className="min-h-0 flex-1 divide-y divide-slate-800/70 overflow-y-auto">
          {rows.map((row) => (
            <LiveEventRow
              key={row.id}
              detection={row}
              cameraName={names.get(row.cameraId) ?? 'Unknown camera'}
              onOpenCamera={onOpenCamera}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface EmptyListProps {
  noCameras: boolean;
  filtered: boolean;
  live: boolean;
  onClearFilters: () => void;
}

function EmptyList({ noCameras, filtered, live, onClearFilters }: EmptyListProps) {
  let message: string;
  if (noCameras) message = 'No cameras yet. Detections appear here once cameras with AI are added.';
  else if (filtered) message = 'No recent detections match these filters.';
  else if (live) message = 'No detections yet. New ones appear here as they happen.';
  else message = 'Waiting for the live connection…';
  return (
    <div data-testid="live-events-empty" className="flex flex-1 flex-col items-center justify-center gap-3 px-4 py-10 text-center text-sm text-slate-400">
      <p>{message}</p>
      {filtered && !noCameras && (
        <Button variant="secondary" onClick={onClearFilters}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
