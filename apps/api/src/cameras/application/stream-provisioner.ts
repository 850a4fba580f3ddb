import type { StreamingCamera } from './streaming-camera';

/**
 * Tells the streaming service about camera changes (idempotent calls). Both methods reject when
 * the service is unreachable, slow or refuses, with a message safe to log.
 */
export abstract class StreamProvisioner {
  /** Creates or replaces the camera's stream. */
  abstract provision(camera: StreamingCamera): Promise<void>;
  /** Removes the camera's stream; an unknown camera is not an error. */
  abstract deprovision(cameraId: string): Promise<void>;
}
