import { useInfiniteQuery } from '@tanstack/react-query';
import { detectionKeys, detectionsApi } from '../api';
import type { DetectionFilters } from '../types';

/** Pages of detections, newest first; `fetchNextPage` follows the API's cursor. */
export function useDetections(filters: DetectionFilters) {
  return useInfiniteQuery({
    queryKey: detectionKeys.list(filters),
    queryFn: ({ pageParam, signal }) => detectionsApi.list(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}
