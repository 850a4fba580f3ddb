import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cameraKeys, camerasApi } from '../api';
import type { Camera, CameraChanges, ConnectionTestResult, NewCamera, SourceUnderTest } from '../types';

/** Status comes from the streaming service through the api: a few seconds of delay is enough for a list. */
const STATUS_REFRESH_MS = 5_000;

export function useCameras() {
  return useQuery({
    queryKey: cameraKeys.list,
    queryFn: ({ signal }) => camerasApi.list(signal),
    refetchInterval: STATUS_REFRESH_MS,
    staleTime: 0,
  });
}

function useCameraListUpdate() {
  const queryClient = useQueryClient();
  // The live view, events panel and detections filters keep camera lists of their own under 'cameras'.
  const refreshOtherViews = () =>
    queryClient.invalidateQueries({ queryKey: cameraKeys.all, predicate: (query) => query.queryKey[1] !== cameraKeys.list[1] });
  return {
    put: (camera: Camera) => {
      queryClient.setQueryData<Camera[]>(cameraKeys.list, (cameras) => {
        if (!cameras) return [camera];
        return cameras.some((known) => known.id === camera.id)
          ? cameras.map((known) => (known.id === camera.id ? camera : known))
          : [...cameras, camera];
      });
      void refreshOtherViews();
    },
    remove: (id: string) => {
      queryClient.setQueryData<Camera[]>(cameraKeys.list, (cameras) => cameras?.filter((camera) => camera.id !== id));
      void refreshOtherViews();
    },
    refresh: () => queryClient.invalidateQueries({ queryKey: cameraKeys.list }),
  };
}

export function useCreateCamera() {
  const list = useCameraListUpdate();
  return useMutation<Camera, Error, NewCamera>({
    mutationFn: camerasApi.create,
    onSuccess: (camera) => {
      list.put(camera);
      return list.refresh();
    },
  });
}

export function useUpdateCamera() {
  const list = useCameraListUpdate();
  return useMutation<Camera, Error, { id: string; changes: CameraChanges }>({
    mutationFn: ({ id, changes }) => camerasApi.update(id, changes),
    onSuccess: (camera) => {
      list.put(camera);
      return list.refresh();
    },
  });
}

export function useDeleteCamera() {
  const list = useCameraListUpdate();
  return useMutation<void, Error, string>({
    mutationFn: camerasApi.delete,
    onSuccess: (_result, id) => {
      list.remove(id);
      return list.refresh();
    },
  });
}

export function useTestConnection() {
  return useMutation<ConnectionTestResult, Error, { source: SourceUnderTest; cameraId?: string }>({
    mutationFn: ({ source, cameraId }) => camerasApi.testConnection(source, cameraId),
  });
}
