import { Injectable } from '@nestjs/common';
import { DomainError } from '@vms/platform';
import type { CameraStreamConfig } from '../domain/camera-stream';
import { CameraDirectory } from './camera-directory';
import { CameraRegistry } from './camera-registry';
import { StatusMonitor } from './status-monitor.service';
import { StreamUrlsService } from './stream-urls.service';

const StreamErrors = {
  cameraNotFound: () => new DomainError('CAMERA.NOT_FOUND', 'No such camera', 'not_found'),
  cameraDisabled: () => new DomainError('STREAM.CAMERA_DISABLED', 'The camera is disabled', 'conflict'),
};

/** Answers questions about a camera's stream for clients: URLs with tokens, status. */
@Injectable()
export class StreamCatalog {
  constructor(
    private readonly registry: CameraRegistry,
    private readonly directory: CameraDirectory,
    private readonly urls: StreamUrlsService,
    private readonly monitor: StatusMonitor,
  ) {}

  async signedUrls(cameraId: string, principalId: string) {
    const camera = await this.find(cameraId);
    if (!camera.enabled) throw StreamErrors.cameraDisabled();
    return this.urls.signedUrls(principalId, camera.streamPath);
  }

  async status(cameraId: string) {
    const camera = await this.find(cameraId);
    const current = await this.monitor.current(cameraId);
    return {
      cameraId,
      streamPath: camera.streamPath,
      status: current?.status ?? (camera.enabled ? 'provisioning' : 'offline'),
      reason: current?.reason ?? null,
      readers: current?.readers ?? 0,
      bitrateKbps: current?.bitrateKbps ?? null,
      observedAt: current?.observedAt ?? null,
    };
  }

  private async find(cameraId: string): Promise<CameraStreamConfig> {
    const known = this.registry.get(cameraId) ?? (await this.directory.getCamera(cameraId));
    if (!known) throw StreamErrors.cameraNotFound();
    return known;
  }
}
