import { useQuery } from '@tanstack/react-query';
import { streamUrlKeys, streamUrlsApi } from '../api';
import { tokenRefreshDelayMs } from '../stream-token';

/** Never refresh more often than this, even if the clocks disagree about the expiry. */
const MIN_REFRESH_MS = 15_000;

/**
 * The camera's playback URLs, fetched again before their token expires (also while the tab is
 * hidden, so a tab brought back plays at once). Failures are not retried here: the player
 * backs off itself.
 */
export function useStreamUrls(cameraId: string, enabled: boolean) {
  return useQuery({
    queryKey: streamUrlKeys.camera(cameraId),
    queryFn: ({ signal }) => streamUrlsApi.get(cameraId, signal),
    enabled,
    retry: false,
    staleTime: (query) =>
      query.state.data ? tokenRefreshDelayMs(query.state.data.expiresAt, query.state.dataUpdatedAt) : 0,
    refetchInterval: (query) =>
      query.state.data ? Math.max(MIN_REFRESH_MS, tokenRefreshDelayMs(query.state.data.expiresAt)) : false,
    refetchIntervalInBackground: true,
  });
}
