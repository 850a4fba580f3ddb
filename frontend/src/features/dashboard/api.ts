import { apiClient } from '@/lib/api-client';
import type { DashboardStats } from './types';

export const dashboardApi = {
  stats: (signal?: AbortSignal) => apiClient.get<DashboardStats>('/dashboard/stats', { signal }),
};

export const dashboardKeys = {
  stats: ['dashboard', 'stats'] as const,
};
