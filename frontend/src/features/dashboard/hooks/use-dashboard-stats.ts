import { useQuery } from '@tanstack/react-query';
import { dashboardApi, dashboardKeys } from '../api';

/** How often the dashboard asks again; the API caches its figures for a few seconds anyway. */
export const DASHBOARD_REFRESH_MS = 20_000;

export function useDashboardStats() {
  return useQuery({
    queryKey: dashboardKeys.stats,
    queryFn: ({ signal }) => dashboardApi.stats(signal),
    refetchInterval: DASHBOARD_REFRESH_MS,
    staleTime: DASHBOARD_REFRESH_MS / 2,
  });
}
