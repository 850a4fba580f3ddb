import { CAMERA_STATUSES, CameraStatus } from '@vms/contracts';
import type { CameraDetectionCount, HourlyClassCount, TimeWindow } from '../../detections/application/detection';

export const TOP_CAMERAS = 5;
const HOUR_MS = 3_600_000;

export interface DashboardStats {
  cameras: { total: number; byStatus: Record<CameraStatus, number> };
  /** Non-zero (hour, class) pairs of the window, oldest hour first, then by class. */
  detectionsPerHour: { hour: string; class: string; count: number }[];
  /** Existing cameras with the most detections in the window, most first. */
  topCameras: { cameraId: string; name: string; count: number }[];
  generatedAt: string;
}

export interface CameraSummary {
  id: string;
  name: string;
  status: CameraStatus;
}

/** The 24 UTC hours shown: the current one (so far) and the 23 before it. */
export function last24Hours(now: Date): TimeWindow {
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return { from: new Date(currentHour - 23 * HOUR_MS), to: new Date(currentHour + HOUR_MS) };
}

export function buildDashboardStats(input: {
  cameras: CameraSummary[];
  hourly: HourlyClassCount[];
  perCamera: CameraDetectionCount[];
  now: Date;
}): DashboardStats {
  const byStatus = Object.fromEntries(CAMERA_STATUSES.map((status) => [status, 0])) as Record<CameraStatus, number>;
  for (const camera of input.cameras) byStatus[camera.status] += 1;

  // Detections of deleted cameras stay in the hourly history, but a deleted camera is no "top camera".
  const names = new Map(input.cameras.map((camera) => [camera.id, camera.name]));
  const topCameras = input.perCamera
    .filter((entry) => names.has(entry.cameraId))
    .map((entry) => ({ cameraId: entry.cameraId, name: names.get(entry.cameraId)!, count: entry.count }))
    .sort((a, b) => b.count - a.count || compare(a.name, b.name) || compare(a.cameraId, b.cameraId))
    .slice(0, TOP_CAMERAS);

  return {
    cameras: { total: input.cameras.length, byStatus },
    detectionsPerHour: input.hourly.map((entry) => ({ hour: entry.hour.toISOString(), class: entry.class, count: entry.count })),
    topCameras,
    generatedAt: input.now.toISOString(),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
