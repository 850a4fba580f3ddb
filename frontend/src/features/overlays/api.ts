import { queryOptions } from '@tanstack/react-query';
import type { DetectionBoxes } from '@/features/live-events/types';
import { ApiError, apiClient } from '@/lib/api-client';

export const overlaysApi = {
  /** The boxes of the camera's latest inferred frame; null when there is none (404: not inferred lately). */
  latestBoxes: async (cameraId: string, signal?: AbortSignal): Promise<DetectionBoxes | null> => {
    try {
      return await apiClient.get<DetectionBoxes>(`/ai/cameras/${encodeURIComponent(cameraId)}/latest`, { signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
};

/** First paint of an overlay; live `detection.boxes` pushes take over from there. */
export function latestBoxesQuery(cameraId: string) {
  return queryOptions({
    queryKey: ['ai', 'latest-boxes', cameraId],
    queryFn: ({ signal }) => overlaysApi.latestBoxes(cameraId, signal),
    // Only worth anything on mount: fetched again by the next mount, never refetched meanwhile.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
