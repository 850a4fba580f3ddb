import { apiClient } from '@/lib/api-client';
import type { Camera, CreateMosaicInput, Mosaic, UpdateMosaicInput } from './types';

export const mosaicKeys = {
  list: ['mosaics'] as const,
};

/** Under the `cameras` prefix so a change made on the admin pages refreshes it too. */
export const liveCameraKeys = {
  list: ['cameras', 'live-view'] as const,
};

export const mosaicsApi = {
  list: () => apiClient.get<Mosaic[]>('/mosaics'),
  create: (input: CreateMosaicInput) => apiClient.post<Mosaic>('/mosaics', input),
  update: (id: string, changes: UpdateMosaicInput) =>
    apiClient.patch<Mosaic>(`/mosaics/${encodeURIComponent(id)}`, changes),
  remove: (id: string) => apiClient.delete<void>(`/mosaics/${encodeURIComponent(id)}`),
};

export const liveCamerasApi = {
  list: () => apiClient.get<Camera[]>('/cameras'),
};
