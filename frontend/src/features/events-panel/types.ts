import type { CameraStatus } from '@/features/live-events/types';

/** The fields of GET /api/cameras the panel uses. */
export interface PanelCamera {
  id: string;
  name: string;
  enabled: boolean;
  status: CameraStatus;
  ai: { enabled: boolean };
}

export interface EventsPanelFilter {
  cameraId: string | null;
  class: string | null;
}
