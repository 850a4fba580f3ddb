import { Injectable } from '@nestjs/common';
import { MediaServer } from '../../media-server/media-server.port';
import type { CameraStreamConfig } from '../domain/camera-stream';
import { SnapshotErrors } from '../domain/source-check';
import { CameraDirectory } from './camera-directory';
import { CameraRegistry } from './camera-registry';
import { SourceInspector } from './source-inspector';

/**
 * A current frame of a camera as JPEG (the ROI editor draws over it). A path the embedded engine
 * is serving gives its latest segment, so the camera sees no extra connection; otherwise the
 * frame comes from the source. One grab per camera at a time: concurrent callers share it.
 */
@Injectable()
export class SnapshotService {
  private readonly inFlight = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly registry: CameraRegistry,
    private readonly directory: CameraDirectory,
    private readonly mediaServer: MediaServer,
    private readonly inspector: SourceInspector,
  ) {}

  snapshot(cameraId: string): Promise<Buffer> {
    const pending = this.inFlight.get(cameraId);
    if (pending) return pending;
    const grab = this.grab(cameraId).finally(() => this.inFlight.delete(cameraId));
    this.inFlight.set(cameraId, grab);
    return grab;
  }

  private async grab(cameraId: string): Promise<Buffer> {
    const camera = await this.find(cameraId);
    if (!camera.enabled) throw SnapshotErrors.cameraDisabled();
    if (await this.servedLive(camera.streamPath)) {
      const live = await this.inspector.grabFrame({ kind: 'live', streamPath: camera.streamPath });
      if (live.ok) return live.jpeg;
    }
    const grabbed = await this.inspector.grabFrame({ kind: 'source', source: camera.source });
    if (!grabbed.ok) throw SnapshotErrors.sourceFailed(grabbed.reason);
    return grabbed.jpeg;
  }

  private async servedLive(streamPath: string): Promise<boolean> {
    if (this.mediaServer.kind !== 'embedded') return false;
    const state = (await this.mediaServer.pathStates()).find((path) => path.name === streamPath);
    return state?.health === 'online';
  }

  private async find(cameraId: string): Promise<CameraStreamConfig> {
    const known = this.registry.get(cameraId) ?? (await this.directory.getCamera(cameraId));
    if (!known) throw SnapshotErrors.cameraNotFound();
    return known;
  }
}
