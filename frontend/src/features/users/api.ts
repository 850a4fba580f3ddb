import { apiClient } from '@/lib/api-client';
import type { ManagedUser, NewUser, UserChanges } from './types';

export const usersApi = {
  list: (signal?: AbortSignal) => apiClient.get<ManagedUser[]>('/users', { signal }),
  create: (user: NewUser) => apiClient.post<ManagedUser>('/users', user),
  update: (id: string, changes: UserChanges) =>
    apiClient.patch<ManagedUser>(`/users/${encodeURIComponent(id)}`, changes),
  delete: (id: string) => apiClient.delete<void>(`/users/${encodeURIComponent(id)}`),
};

export const userKeys = {
  list: ['users', 'list'] as const,
};
