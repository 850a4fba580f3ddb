import { Injectable, Logger } from '@nestjs/common';
import { MediaServer } from '../../media-server/media-server.port';
import { CameraStreamConfig, pathSpecOf } from '../domain/camera-stream';
import { CameraRegistry } from './camera-registry';

/**
 * Makes one camera's path match its configuration: enabled cameras get their path (replaced
 * idempotently), disabled or deleted ones lose it. Serialised per camera so concurrent calls
 * for the same camera cannot interleave.
 */
@Injectable()
export class ProvisioningService {
  private readonly logger = new Logger(ProvisioningService.name);
  private readonly appliedSpecs = new Map<string, string>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly mediaServer: MediaServer, private readonly registry: CameraRegistry) {}

  async provision(camera: CameraStreamConfig): Promise<void> {
    if (!this.registry.accept(camera)) return;
    await this.serialised(camera.cameraId, () => this.apply(camera));
  }

  async deprovision(cameraId: string, streamPath: string): Promise<void> {
    this.registry.remove(cameraId);
    await this.serialised(cameraId, async () => {
      await this.mediaServer.deletePath(streamPath);
      this.appliedSpecs.delete(streamPath);
    });
  }

  /** Re-applies a camera's path even if this process believes it is in place (after a media server restart). */
  forget(streamPath: string): void {
    this.appliedSpecs.delete(streamPath);
  }

  private async apply(camera: CameraStreamConfig): Promise<void> {
    const current = this.registry.get(camera.cameraId) ?? camera;
    if (!current.enabled) {
      await this.mediaServer.deletePath(current.streamPath);
      this.appliedSpecs.delete(current.streamPath);
      return;
    }
    const spec = pathSpecOf(current);
    const fingerprint = JSON.stringify(spec);
    if (this.appliedSpecs.get(spec.name) === fingerprint) return;
    await this.mediaServer.upsertPath(spec);
    this.appliedSpecs.set(spec.name, fingerprint);
    this.logger.log({ cameraId: current.cameraId, path: spec.name, revision: current.revision }, 'path provisioned');
  }

  private serialised(cameraId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(cameraId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.queues.set(cameraId, next);
    void next.finally(() => {
      if (this.queues.get(cameraId) === next) this.queues.delete(cameraId);
    }).catch(() => undefined);
    return next;
  }
}
