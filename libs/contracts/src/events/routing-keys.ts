export const RoutingKeys = {
  cameraCreated: 'camera.created',
  cameraUpdated: 'camera.updated',
  cameraDeleted: 'camera.deleted',
  cameraStatusChanged: 'camera.status.changed',
  detectionCreated: 'detection.created',
  streamReady: 'stream.ready',
  streamOffline: 'stream.offline',
  systemNotification: 'system.notification',
} as const;

export type RoutingKey = (typeof RoutingKeys)[keyof typeof RoutingKeys];
