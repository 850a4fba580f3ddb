import { Injectable, Logger } from '@nestjs/common';
import { RedisClient } from '@vms/platform';
import { ApiEnv } from '../../api.env';
import { DashboardCache } from '../application/dashboard-cache';
import type { DashboardStats } from '../application/dashboard-stats';

export const DASHBOARD_STATS_KEY = 'dashboard:stats';

/** Dashboard stats in Redis (db 1) for `DASHBOARD_CACHE_TTL_SECONDS`. Every failure is logged and reported as a miss. */
@Injectable()
export class RedisDashboardCache extends DashboardCache {
  private readonly logger = new Logger(RedisDashboardCache.name);

  constructor(private readonly redis: RedisClient, private readonly env: ApiEnv) {
    super();
  }

  async get(): Promise<DashboardStats | null> {
    try {
      const raw = await this.redis.get(DASHBOARD_STATS_KEY);
      return raw ? (JSON.parse(raw) as DashboardStats) : null;
    } catch (error) {
      this.logger.warn(`dashboard cache read failed, computing the stats: ${String(error)}`);
      return null;
    }
  }

  async set(stats: DashboardStats): Promise<void> {
    try {
      await this.redis.set(DASHBOARD_STATS_KEY, JSON.stringify(stats), 'EX', this.env.DASHBOARD_CACHE_TTL_SECONDS);
    } catch (error) {
      this.logger.warn(`dashboard cache write failed: ${String(error)}`);
    }
  }
}
