import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CameraChangedV1, CameraDeletedV1, RoutingKeys } from '@vms/contracts';
import { OutboxRelay } from '@vms/platform';
import { Camera, CameraChanges, CameraInput } from '../domain/camera';
import { CameraErrors } from '../domain/camera.errors';
import { CameraRepository } from '../domain/camera.repository';
import { SourceNetworkPolicy } from '../domain/source-network-policy';
import { CameraCache } from './camera-cache';
import { CameraView, toCameraView } from './camera-view';
import { StreamProvisioner } from './stream-provisioner';
import { StreamingCamera, toStreamingCamera } from './streaming-camera';

/**
 * Camera use cases: every write stores the camera and its `camera.*` event together, then asks
 * the streaming service to follow. That call never fails the write: when streaming is away the
 * camera stays `provisioning` and streaming catches up from the events and its reconciler.
 */
@Injectable()
export class CamerasService {
  private readonly logger = new Logger(CamerasService.name);

  constructor(
    private readonly cameras: CameraRepository,
    private readonly cache: CameraCache,
    private readonly networkPolicy: SourceNetworkPolicy,
    private readonly relay: OutboxRelay,
    private readonly streaming: StreamProvisioner,
  ) {}

  async list(): Promise<CameraView[]> {
    const cached = await this.cache.getList();
    if (cached) return cached;
    const views = (await this.cameras.list()).map(toCameraView);
    await this.cache.setList(views);
    return views;
  }

  async get(id: string): Promise<CameraView> {
    const cached = await this.cache.get(id);
    if (cached) return cached;
    const camera = await this.cameras.findById(id);
    if (!camera) throw CameraErrors.notFound();
    const view = toCameraView(camera);
    await this.cache.set(view);
    return view;
  }

  /** Cameras with their credentials, for the streaming service; read from the database, never from the cache. */
  async listForStreaming(): Promise<StreamingCamera[]> {
    return (await this.cameras.list()).map(toStreamingCamera);
  }

  async getForStreaming(id: string): Promise<StreamingCamera> {
    const camera = await this.cameras.findById(id);
    if (!camera) throw CameraErrors.notFound();
    return toStreamingCamera(camera);
  }

  async existingIds(ids: string[]): Promise<Set<string>> {
    return this.cameras.existingIds(ids);
  }

  async create(input: CameraInput): Promise<CameraView> {
    const camera = Camera.create(randomUUID(), input);
    await this.networkPolicy.assertAllowed(camera.source);
    if (await this.cameras.nameTaken(camera.name)) throw CameraErrors.nameTaken();
    await this.cameras.save(camera, [{ routingKey: RoutingKeys.cameraCreated, data: changedEvent(camera) }]);
    return this.afterWrite(camera);
  }

  async update(id: string, changes: CameraChanges): Promise<CameraView> {
    const camera = await this.cameras.findById(id);
    if (!camera) throw CameraErrors.notFound();
    const previousSource = camera.source.url;
    camera.update(changes);
    if (camera.source.url !== previousSource) await this.networkPolicy.assertAllowed(camera.source);
    if (changes.name !== undefined && (await this.cameras.nameTaken(camera.name, camera.id))) throw CameraErrors.nameTaken();
    await this.cameras.save(camera, [{ routingKey: RoutingKeys.cameraUpdated, data: changedEvent(camera) }]);
    return this.afterWrite(camera);
  }

  async delete(id: string): Promise<void> {
    const camera = await this.cameras.findById(id);
    if (!camera) throw CameraErrors.notFound();
    const data: CameraDeletedV1 = { cameraId: camera.id, streamPath: camera.streamPath };
    await this.cameras.delete(camera, [{ routingKey: RoutingKeys.cameraDeleted, data }]);
    await this.cache.invalidate(camera.id);
    this.relay.nudge();
    await this.streaming.deprovision(camera.id).catch((error: unknown) => this.warnStreaming('deprovision', camera.id, error));
  }

  private async afterWrite(camera: Camera): Promise<CameraView> {
    await this.cache.invalidate(camera.id);
    this.relay.nudge();
    await this.streaming.provision(toStreamingCamera(camera)).catch((error: unknown) => this.warnStreaming('provision', camera.id, error));
    return toCameraView(camera);
  }

  private warnStreaming(action: string, cameraId: string, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn({ cameraId, reason }, `streaming could not ${action} the camera; streaming catches up from the camera events and its reconciler`);
  }
}

function changedEvent(camera: Camera): CameraChangedV1 {
  return {
    cameraId: camera.id,
    name: camera.name,
    sourceUrl: camera.source.url,
    hasCredentials: camera.credentials !== null,
    enabled: camera.enabled,
    streamPath: camera.streamPath,
    ai: camera.ai,
    revision: camera.revision,
  };
}
