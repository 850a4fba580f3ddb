import { Injectable } from '@nestjs/common';
import type { CameraStreamConfig } from '../domain/camera-stream';

/** The cameras this process currently serves, newest revision wins. */
@Injectable()
export class CameraRegistry {
  private readonly cameras = new Map<string, CameraStreamConfig>();

  /** Stores the camera unless an equal or newer revision is already known; true when it changed. */
  accept(camera: CameraStreamConfig): boolean {
    const known = this.cameras.get(camera.cameraId);
    if (known && known.revision > camera.revision) return false;
    this.cameras.set(camera.cameraId, camera);
    return true;
  }

  remove(cameraId: string): CameraStreamConfig | undefined {
    const known = this.cameras.get(cameraId);
    this.cameras.delete(cameraId);
    return known;
  }

  get(cameraId: string): CameraStreamConfig | undefined {
    return this.cameras.get(cameraId);
  }

  all(): CameraStreamConfig[] {
    return [...this.cameras.values()];
  }

  /** Replaces the whole set (after a full sync with the api). */
  replaceAll(cameras: CameraStreamConfig[]): void {
    this.cameras.clear();
    for (const camera of cameras) this.cameras.set(camera.cameraId, camera);
  }
}
