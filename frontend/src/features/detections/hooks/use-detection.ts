import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { detectionKeys, detectionsApi } from '../api';
import type { Detection, DetectionPage } from '../types';

/** One detection; shown at once from a loaded list page while the API confirms it. */
export function useDetection(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery<Detection>({
    queryKey: detectionKeys.detail(id ?? ''),
    queryFn: ({ signal }) => detectionsApi.get(id!, signal),
    enabled: id !== null,
    placeholderData: (): Detection | undefined =>
      id ? findInLists(queryClient.getQueriesData({ queryKey: detectionKeys.lists }), id) : undefined,
  });
}

function findInLists(
  lists: Array<[unknown, InfiniteData<DetectionPage> | undefined]>,
  id: string,
): Detection | undefined {
  for (const [, data] of lists) {
    for (const page of data?.pages ?? []) {
      const found = page.items.find((item) => item.id === id);
      if (found) return found;
    }
  }
  return undefined;
}
