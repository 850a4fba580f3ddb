import { Injectable } from '@nestjs/common';
import axios, { AxiosInstance } from 'axios';
import { AiDetectionEnv } from '../../ai-detection.env';
import type { AiCamera } from '../application/ai-camera';
import { AiCameraSource } from '../application/camera-source';

interface InternalCamera {
  cameraId: string;
  streamPath: string;
  enabled: boolean;
  revision: number;
  ai: { enabled: boolean; classes: string[]; minConfidence: number; roi: [number, number][][] };
}

/** Reads cameras from the api's internal endpoints (the same ones the streaming service uses). */
@Injectable()
export class ApiAiCameraSource extends AiCameraSource {
  private readonly http: AxiosInstance;

  constructor(env: AiDetectionEnv) {
    super();
    this.http = axios.create({
      baseURL: env.API_INTERNAL_URL,
      timeout: 5000,
      proxy: false,
      maxRedirects: 0,
      headers: { 'X-Internal-Token': env.STREAMING_INTERNAL_TOKEN },
    });
  }

  async listAiCameras(): Promise<AiCamera[]> {
    const response = await this.http.get<InternalCamera[]>('/api/internal/cameras');
    return response.data.map(toAiCamera).filter((camera): camera is AiCamera => camera !== null);
  }

  async getAiCamera(cameraId: string): Promise<AiCamera | null> {
    const response = await this.http.get<InternalCamera>(`/api/internal/cameras/${encodeURIComponent(cameraId)}`, {
      validateStatus: (status) => status === 200 || status === 404,
    });
    return response.status === 404 ? null : toAiCamera(response.data);
  }
}

function toAiCamera(camera: InternalCamera): AiCamera | null {
  if (!camera.enabled || !camera.ai.enabled) return null;
  return {
    cameraId: camera.cameraId,
    streamPath: camera.streamPath,
    revision: camera.revision,
    settings: { classes: camera.ai.classes, minConfidence: camera.ai.minConfidence, roi: camera.ai.roi },
  };
}
