import { apiClient } from '@/lib/api-client';
import type { ApiKey, CreatedApiKey } from './types';

export const apiKeysApi = {
  list: (signal?: AbortSignal) => apiClient.get<ApiKey[]>('/api-keys', { signal }),
  create: (name: string) => apiClient.post<CreatedApiKey>('/api-keys', { name }),
  revoke: (id: string) => apiClient.delete<void>(`/api-keys/${encodeURIComponent(id)}`),
};

export const apiKeyKeys = {
  list: ['api-keys', 'list'] as const,
};
