import { Injectable } from '@nestjs/common';
import { CamerasService } from '../../cameras/application/cameras.service';
import { DetectionsService } from '../../detections/application/detections.service';
import { DashboardCache } from './dashboard-cache';
import { buildDashboardStats, DashboardStats, last24Hours } from './dashboard-stats';

/** Camera and detection figures for the dashboard, cached for a few seconds. */
@Injectable()
export class DashboardService {
  /** Requests arriving while the stats are being computed share that computation. */
  private inFlight: Promise<DashboardStats> | null = null;

  constructor(
    private readonly cameras: CamerasService,
    private readonly detections: DetectionsService,
    private readonly cache: DashboardCache,
  ) {}

  async stats(): Promise<DashboardStats> {
    const cached = await this.cache.get();
    if (cached) return cached;
    this.inFlight ??= this.compute().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async compute(): Promise<DashboardStats> {
    const now = new Date();
    const window = last24Hours(now);
    const [cameras, hourly, perCamera] = await Promise.all([
      this.cameras.list(),
      this.detections.hourlyCounts(window),
      this.detections.countsByCamera(window),
    ]);
    const stats = buildDashboardStats({ cameras, hourly, perCamera, now });
    await this.cache.set(stats);
    return stats;
  }
}
