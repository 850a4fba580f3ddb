export * from './events/event-envelope';
export * from './events/routing-keys';
export * from './cameras/camera-status';
export * from './cameras/coco-classes';
export * from './cameras/camera-events';
export * from './detections/detection-events';
