import { apiClient } from '@/lib/api-client';
import type { Camera, CameraChanges, ConnectionTestResult, NewCamera, SourceUnderTest } from './types';

export const cameraKeys = {
  all: ['cameras'] as const,
  list: ['cameras', 'list'] as const,
  snapshot: (id: string) => ['cameras', 'snapshot', id] as const,
};

export const camerasApi = {
  list: (signal?: AbortSignal) => apiClient.get<Camera[]>('/cameras', { signal }),
  create: (camera: NewCamera) => apiClient.post<Camera>('/cameras', camera),
  update: (id: string, changes: CameraChanges) => apiClient.patch<Camera>(`/cameras/${encodeURIComponent(id)}`, changes),
  delete: (id: string) => apiClient.delete<void>(`/cameras/${encodeURIComponent(id)}`),
  /** Probes a source once without saving anything: a new one, or a saved camera's with the form's overrides. */
  testConnection: (source: SourceUnderTest, cameraId?: string) =>
    apiClient.post<ConnectionTestResult>(
      cameraId ? `/cameras/${encodeURIComponent(cameraId)}/test-connection` : '/cameras/test-connection',
      source,
    ),
  /** A current frame (JPEG) from the streaming service. */
  snapshot: (id: string, signal?: AbortSignal) =>
    apiClient.get<Blob>(`/streaming/cameras/${encodeURIComponent(id)}/snapshot`, { signal, responseType: 'blob' }),
};
