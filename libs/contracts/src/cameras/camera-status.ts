export const CAMERA_STATUSES = ['provisioning', 'online', 'offline', 'error'] as const;
export type CameraStatus = (typeof CAMERA_STATUSES)[number];
