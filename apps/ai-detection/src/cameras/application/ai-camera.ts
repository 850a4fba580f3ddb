import type { CameraDetectionSettings } from '../../pipeline/domain/camera-detection-settings';

/** A camera the AI watches: where its stream is and what it wants detected. */
export interface AiCamera {
  cameraId: string;
  streamPath: string;
  revision: number;
  settings: CameraDetectionSettings;
}
