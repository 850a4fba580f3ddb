import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { subscribeCamera } from '../live-events';
import { liveEventsSelectors, liveEventsStore, type LiveEventsState } from '../store';
import type { CameraBoxes, CameraLiveStatus, LiveConnection, RecentDetection } from '../types';

function useLiveEvents<T>(selector: (state: LiveEventsState) => T): T {
  return useStore(liveEventsStore, selector);
}

/** The camera's latest boxes; re-renders only when this camera's boxes change. */
export function useCameraBoxes(cameraId: string): CameraBoxes | undefined {
  const selector = useMemo(() => liveEventsSelectors.boxes(cameraId), [cameraId]);
  return useLiveEvents(selector);
}

/** The camera's last pushed status (camera.status.changed), if any since the page loaded. */
export function useCameraLiveStatus(cameraId: string): CameraLiveStatus | undefined {
  const selector = useMemo(() => liveEventsSelectors.status(cameraId), [cameraId]);
  return useLiveEvents(selector);
}

export interface RecentDetectionsFilter {
  /** Only these cameras (all when omitted). */
  cameraId?: string | null;
  class?: string | null;
}

/** Recent detected objects, newest first, narrowed by camera and class. */
export function useRecentDetections(filter: RecentDetectionsFilter = {}): RecentDetection[] {
  const recent = useLiveEvents(liveEventsSelectors.recent);
  const cameraId = filter.cameraId ?? null;
  const className = filter.class ?? null;
  return useMemo(
    () =>
      cameraId === null && className === null
        ? recent
        : recent.filter((row) => (cameraId === null || row.cameraId === cameraId) && (className === null || row.class === className)),
    [recent, cameraId, className],
  );
}

export function useLiveConnection(): LiveConnection {
  return useLiveEvents(liveEventsSelectors.connection);
}

/** Keeps the cameras subscribed on the live socket while the component is mounted. */
export function useCameraSubscriptions(cameraIds: readonly string[]): void {
  // A stable key: a new array with the same ids must not resubscribe.
  const key = cameraIds.join(',');
  useEffect(() => {
    if (key === '') return;
    const releases = key.split(',').map((id) => subscribeCamera(id));
    return () => releases.forEach((release) => release());
  }, [key]);
}
