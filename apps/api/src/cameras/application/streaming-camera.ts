import type { AiSettings, Camera } from '../domain/camera';
import type { CameraCredentials } from '../domain/camera-source';

/**
 * A camera as the streaming service needs it, credentials in clear: the only shape in which
 * they leave the api (internal endpoints and provisioning calls). Never cached, never logged.
 */
export interface StreamingCamera {
  cameraId: string;
  name: string;
  streamPath: string;
  enabled: boolean;
  revision: number;
  ai: AiSettings;
  source: { url: string; credentials: CameraCredentials | null };
}

export function toStreamingCamera(camera: Camera): StreamingCamera {
  return {
    cameraId: camera.id,
    name: camera.name,
    streamPath: camera.streamPath,
    enabled: camera.enabled,
    revision: camera.revision,
    ai: camera.ai,
    source: { url: camera.source.url, credentials: camera.credentials ? { ...camera.credentials } : null },
  };
}
