import { Injectable } from '@nestjs/common';
import axios, { AxiosInstance } from 'axios';
import { StreamingEnv } from '../../streaming.env';
import { CameraDirectory } from '../application/camera-directory';
import type { CameraStreamConfig } from '../domain/camera-stream';

interface InternalCamera {
  cameraId: string;
  streamPath: string;
  enabled: boolean;
  revision: number;
  source: CameraStreamConfig['source'];
}

/** Reads cameras (with their credentials) from the api's internal endpoints. */
@Injectable()
export class ApiCameraDirectory extends CameraDirectory {
  private readonly http: AxiosInstance;

  constructor(env: StreamingEnv) {
    super();
    this.http = axios.create({
      baseURL: env.API_INTERNAL_URL,
      timeout: 5000,
      headers: { 'X-Internal-Token': env.STREAMING_INTERNAL_TOKEN },
    });
  }

  async listCameras(): Promise<CameraStreamConfig[]> {
    const response = await this.http.get<InternalCamera[]>('/api/internal/cameras');
    return response.data.map(toConfig);
  }

  async getCamera(cameraId: string): Promise<CameraStreamConfig | null> {
    const response = await this.http.get<InternalCamera>(`/api/internal/cameras/${encodeURIComponent(cameraId)}`, {
      validateStatus: (status) => status === 200 || status === 404,
    });
    return response.status === 404 ? null : toConfig(response.data);
  }
}

function toConfig(camera: InternalCamera): CameraStreamConfig {
  return {
    cameraId: camera.cameraId,
    streamPath: camera.streamPath,
    enabled: camera.enabled,
    revision: camera.revision,
    source: { url: camera.source.url, credentials: camera.source.credentials ?? null },
  };
}
