import type { CameraStatus } from '@vms/contracts';
import type { AiSettings, Camera, GeoLocation } from '../domain/camera';

/** What readers may see of a camera: credentials reduced to a masked username. */
export interface CameraView {
  id: string;
  name: string;
  description: string;
  location: GeoLocation | null;
  sourceUrl: string;
  credentials: { username: string; password: '********' } | null;
  enabled: boolean;
  ai: AiSettings;
  status: CameraStatus;
  lastError: string | null;
  streamPath: string;
  /** Public HLS playlist path; players add the stream token the streaming service hands out. */
  hlsUrl: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export function maskUsername(username: string): string {
  if (username.length <= 1) return '*';
  return `${username[0]}${'*'.repeat(Math.min(username.length - 1, 7))}`;
}

export function toCameraView(camera: Camera): CameraView {
  return {
    id: camera.id,
    name: camera.name,
    description: camera.description,
    location: camera.location,
    sourceUrl: camera.source.url,
    credentials: camera.credentials ? { username: maskUsername(camera.credentials.username), password: '********' } : null,
    enabled: camera.enabled,
    ai: camera.ai,
    status: camera.status,
    lastError: camera.lastError,
    streamPath: camera.streamPath,
    hlsUrl: `/hls/${camera.streamPath}/index.m3u8`,
    revision: camera.revision,
    createdAt: camera.createdAt.toISOString(),
    updatedAt: camera.updatedAt.toISOString(),
  };
}
