import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { cameraKeys, camerasApi } from '../api';

/**
 * A current frame of the camera as an object URL (fetched with the session's token), revoked when
 * the frame is replaced or the component unmounts. No camera id: nothing to fetch.
 */
export function useSnapshot(cameraId: string | undefined) {
  const query = useQuery({
    queryKey: cameraKeys.snapshot(cameraId ?? ''),
    queryFn: ({ signal }) => camerasApi.snapshot(cameraId!, signal),
    enabled: cameraId !== undefined,
    // A frame is "current" only when asked for: never reused from the cache, never retried.
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const url = useObjectUrl(query.data);
  return { url, error: query.error, isLoading: query.isFetching && !url, isRefreshing: query.isFetching, refresh: query.refetch };
}

function useObjectUrl(blob: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  // An object URL is a resource outside React: created with its blob, revoked with it.
  useEffect(() => {
    if (!blob) return;
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setUrl(null);
    };
  }, [blob]);
  return url;
}
