import type { DashboardStats } from './dashboard-stats';

/** Short-lived copy of the dashboard stats; a miss (or an unreachable cache) means compute them. */
export abstract class DashboardCache {
  abstract get(): Promise<DashboardStats | null>;
  abstract set(stats: DashboardStats): Promise<void>;
}
