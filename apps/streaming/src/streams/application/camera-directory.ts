import type { CameraStreamConfig } from '../domain/camera-stream';

/** Where the streaming service learns the cameras (the api's internal endpoints). */
export abstract class CameraDirectory {
  abstract listCameras(): Promise<CameraStreamConfig[]>;
  /** null when the camera does not exist (any more). */
  abstract getCamera(cameraId: string): Promise<CameraStreamConfig | null>;
}
