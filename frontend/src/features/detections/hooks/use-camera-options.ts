import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { detectionKeys, detectionsApi } from '../api';

/** The cameras for the filter, and their names by id for the rows. */
export function useCameraOptions() {
  const query = useQuery({
    queryKey: detectionKeys.cameraOptions,
    queryFn: ({ signal }) => detectionsApi.cameras(signal),
    staleTime: 60_000,
  });
  const names = useMemo(() => new Map((query.data ?? []).map((camera) => [camera.id, camera.name])), [query.data]);
  return { cameras: query.data ?? [], names, isError: query.isError };
}
