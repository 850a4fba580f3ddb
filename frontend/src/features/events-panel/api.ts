import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { PanelCamera } from './types';

export const eventsPanelApi = {
  cameras: async (signal?: AbortSignal): Promise<PanelCamera[]> => {
    const cameras = await apiClient.get<PanelCamera[]>('/cameras', { signal });
    return cameras.map(({ id, name, enabled, status, ai }) => ({ id, name, enabled, status, ai: { enabled: ai?.enabled ?? false } }));
  },
};

/** Under the `cameras` prefix so a change made on the admin pages refreshes it too. */
export const eventsPanelKeys = {
  cameras: ['cameras', 'events-panel'] as const,
};

export function panelCamerasQuery() {
  return queryOptions({
    queryKey: eventsPanelKeys.cameras,
    queryFn: ({ signal }) => eventsPanelApi.cameras(signal),
    staleTime: 60_000,
  });
}
