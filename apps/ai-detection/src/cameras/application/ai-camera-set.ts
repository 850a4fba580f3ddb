import { Injectable } from '@nestjs/common';
import type { AiCamera } from './ai-camera';

/** The AI-enabled cameras this process watches; the newest revision wins. */
@Injectable()
export class AiCameraSet {
  private readonly cameras = new Map<string, AiCamera>();
  private readonly listeners: (() => void)[] = [];

  /** Adds or updates (when the revision is not older). */
  put(camera: AiCamera): void {
    const known = this.cameras.get(camera.cameraId);
    if (known && known.revision > camera.revision) return;
    this.cameras.set(camera.cameraId, camera);
    this.changed();
  }

  remove(cameraId: string, revision = Number.MAX_SAFE_INTEGER): void {
    const known = this.cameras.get(cameraId);
    if (!known || known.revision > revision) return;
    this.cameras.delete(cameraId);
    this.changed();
  }

  replaceAll(cameras: AiCamera[]): void {
    this.cameras.clear();
    for (const camera of cameras) this.cameras.set(camera.cameraId, camera);
    this.changed();
  }

  get(cameraId: string): AiCamera | undefined {
    return this.cameras.get(cameraId);
  }

  all(): AiCamera[] {
    return [...this.cameras.values()];
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
