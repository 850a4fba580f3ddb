/** The camera statuses of libs/contracts, in the order the dashboard shows them. */
export const CAMERA_STATUSES = ['online', 'offline', 'error', 'provisioning'] as const;
export type CameraStatus = (typeof CAMERA_STATUSES)[number];
