import { apiClient } from '@/lib/api-client';
import { detectionsSearch } from './filters';
import type { CameraOption, Detection, DetectionFilters, DetectionPage } from './types';

export const detectionsApi = {
  list: (filters: DetectionFilters, cursor: string | null, signal?: AbortSignal) =>
    apiClient.get<DetectionPage>(`/detections${detectionsSearch(filters, cursor)}`, { signal }),
  get: (id: string, signal?: AbortSignal) =>
    apiClient.get<Detection>(`/detections/${encodeURIComponent(id)}`, { signal }),
  /** The cameras, for their names; GET /api/cameras returns more, which is not kept. */
  cameras: async (signal?: AbortSignal): Promise<CameraOption[]> => {
    const cameras = await apiClient.get<CameraOption[]>('/cameras', { signal });
    return cameras.map(({ id, name }) => ({ id, name }));
  },
};

export const detectionKeys = {
  all: ['detections'] as const,
  lists: ['detections', 'list'] as const,
  list: (filters: DetectionFilters) => ['detections', 'list', filters] as const,
  detail: (id: string) => ['detections', 'detail', id] as const,
  // Under 'cameras' so whatever invalidates the camera list refreshes these names too.
  cameraOptions: ['cameras', 'options'] as const,
};
