import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useCameraLiveStatus } from '@/features/live-events/hooks/use-live-events';
import { liveCameraKeys, liveCamerasApi } from '../api';
import { withPushedStatus, type CameraListState } from '../tile-state';
import type { Camera } from '../types';

/** Camera status changes show up on the tiles within this time without a reload. */
const STATUS_REFRESH_MS = 30_000;

const cameraListQuery = {
  queryKey: liveCameraKeys.list,
  queryFn: liveCamerasApi.list,
  refetchInterval: STATUS_REFRESH_MS,
};

const byName = (a: Camera, b: Camera) => a.name.localeCompare(b.name, undefined, { numeric: true });

export function useLiveCameras() {
  return useQuery({ ...cameraListQuery, select: sortCameras });
}

function sortCameras(cameras: Camera[]): Camera[] {
  return [...cameras].sort(byName);
}

/**
 * One camera of the list, its status overtaken by a newer `camera.status.changed` push (the tile's
 * overlay keeps the camera subscribed on /ws) so a camera going offline or coming back shows at
 * once instead of at the next list refresh. Each tile subscribes to its own camera: a refetch or a
 * push re-renders only the tiles whose camera changed (TanStack keeps unchanged objects identical).
 */
export function useLiveCamera(cameraId: string | null) {
  const select = useCallback(
    (cameras: Camera[]) => cameras.find((camera) => camera.id === cameraId) ?? null,
    [cameraId],
  );
  const query = useQuery({ ...cameraListQuery, select, enabled: cameraId !== null });
  const list: CameraListState = query.isSuccess ? 'ready' : query.isError ? 'unavailable' : 'loading';
  const pushed = useCameraLiveStatus(cameraId ?? '');
  const listed = query.data ?? null;
  const camera = useMemo(() => withPushedStatus(listed, pushed, query.dataUpdatedAt), [listed, pushed, query.dataUpdatedAt]);
  return { camera, list };
}
