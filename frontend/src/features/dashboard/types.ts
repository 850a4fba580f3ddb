import type { CameraStatus } from './camera-status';

/** One non-zero (hour, class) pair of the dashboard's last 24 hours. */
export interface HourlyDetections {
  /** Start of the UTC hour, ISO 8601. */
  hour: string;
  class: string;
  count: number;
}

export interface TopCamera {
  cameraId: string;
  name: string;
  count: number;
}

/** Body of GET /api/dashboard/stats. */
export interface DashboardStats {
  cameras: { total: number; byStatus: Record<CameraStatus, number> };
  /** Oldest hour first; pairs without detections are left out. */
  detectionsPerHour: HourlyDetections[];
  /** The 5 cameras with the most detections over the same 24 hours, most first. */
  topCameras: TopCamera[];
  /** When the API computed these figures (cached for a few seconds). */
  generatedAt: string;
}
