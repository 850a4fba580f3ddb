import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MediaServer } from '../../media-server/media-server.port';
import { StreamingEnv } from '../../streaming.env';
import { CameraDirectory } from './camera-directory';
import { CameraRegistry } from './camera-registry';
import { ProvisioningService } from './provisioning.service';

export interface ReconcileResult {
  added: string[];
  removed: string[];
}

/**
 * Periodically makes the media server's paths equal to the enabled cameras: MediaMTX forgets
 * API-added paths when it restarts, and the embedded engine starts empty.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Reconciler.name);
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly directory: CameraDirectory,
    private readonly registry: CameraRegistry,
    private readonly mediaServer: MediaServer,
    private readonly provisioning: ProvisioningService,
    private readonly env: StreamingEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  async reconcile(): Promise<ReconcileResult> {
    const cameras = await this.directory.listCameras();
    this.registry.replaceAll(cameras);
    const enabled = cameras.filter((camera) => camera.enabled);
    const desired = new Set(enabled.map((camera) => camera.streamPath));
    const actual = new Set(await this.mediaServer.listPaths());
    const result: ReconcileResult = { added: [], removed: [] };
    for (const name of actual) {
      if (desired.has(name)) continue;
      await this.mediaServer.deletePath(name);
      this.provisioning.forget(name);
      result.removed.push(name);
    }
    for (const camera of enabled) {
      if (!actual.has(camera.streamPath)) {
        this.provisioning.forget(camera.streamPath);
        result.added.push(camera.streamPath);
      }
      await this.provisioning.provision(camera);
    }
    if (result.added.length + result.removed.length > 0) this.logger.log(result, 'media server paths reconciled');
    return result;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    await this.reconcile().catch((error: unknown) =>
      this.logger.warn(`reconcile pass failed, will retry: ${error instanceof Error ? error.message : String(error)}`),
    );
    this.schedule(this.env.RECONCILE_INTERVAL_SECONDS * 1000);
  }
}
