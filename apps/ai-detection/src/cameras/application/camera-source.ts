import type { AiCamera } from './ai-camera';

/** The cameras with AI enabled, read from the api; null for a camera that is gone or has AI off. */
export abstract class AiCameraSource {
  abstract listAiCameras(): Promise<AiCamera[]>;
  abstract getAiCamera(cameraId: string): Promise<AiCamera | null>;
}
