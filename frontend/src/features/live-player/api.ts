import { apiClient } from '@/lib/api-client';
import type { StreamUrls } from './types';

export const streamUrlKeys = {
  camera: (cameraId: string) => ['stream-urls', cameraId] as const,
};

export const streamUrlsApi = {
  get: (cameraId: string, signal?: AbortSignal) =>
    apiClient.get<StreamUrls>(`/streaming/cameras/${encodeURIComponent(cameraId)}/urls`, { signal }),
};
