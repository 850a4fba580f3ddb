import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CameraStatusChangedV1, REQUEST_ID_HEADER, RoutingKeys } from '@vms/contracts';
import { createEnvelope, RabbitMqConnection, RedisClient } from '@vms/platform';
import { MediaServer, PathState } from '../../media-server/media-server.port';
import { StreamingEnv } from '../../streaming.env';
import { CameraStreamStatus, ObservedStatus, observeStatus } from '../domain/camera-stream';
import { CameraRegistry } from './camera-registry';

export interface StreamStatusView extends ObservedStatus {
  cameraId: string;
  streamPath: string;
  observedAt: string;
}

const statusKey = (cameraId: string) => `stream:status:${cameraId}`;

/**
 * Every few seconds turns the media server's path states into camera statuses, caches them in
 * Redis (db 2, with a TTL) and publishes `camera.status.changed` on each transition. A transition
 * whose publish failed is published again on the next pass.
 */
@Injectable()
export class StatusMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StatusMonitor.name);
  private readonly published = new Map<string, { status: CameraStreamStatus; reason: string | null }>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly mediaServer: MediaServer,
    private readonly registry: CameraRegistry,
    private readonly redis: RedisClient,
    private readonly rabbit: RabbitMqConnection,
    private readonly env: StreamingEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  async current(cameraId: string): Promise<StreamStatusView | null> {
    try {
      const raw = await this.redis.get(statusKey(cameraId));
      return raw ? (JSON.parse(raw) as StreamStatusView) : null;
    } catch {
      return null;
    }
  }

  /** One pass; returns the transitions it published. */
  async checkOnce(): Promise<StreamStatusView[]> {
    const states = new Map<string, PathState>((await this.mediaServer.pathStates()).map((state) => [state.name, state]));
    const transitions: StreamStatusView[] = [];
    for (const camera of this.registry.all()) {
      if (!camera.enabled) continue;
      const previous = this.published.get(camera.cameraId);
      const observed = observeStatus(states.get(camera.streamPath), previous?.status ?? 'provisioning');
      const view: StreamStatusView = { cameraId: camera.cameraId, streamPath: camera.streamPath, observedAt: new Date().toISOString(), ...observed };
      await this.cache(view);
      const changed = !previous || previous.status !== observed.status || previous.reason !== observed.reason;
      if (!changed || observed.status === 'provisioning') continue;
      if (await this.publish(view)) {
        this.published.set(camera.cameraId, { status: observed.status, reason: observed.reason });
        transitions.push(view);
      }
    }
    for (const cameraId of this.published.keys()) if (!this.registry.get(cameraId)) this.published.delete(cameraId);
    return transitions;
  }

  private async cache(view: StreamStatusView): Promise<void> {
    try {
      await this.redis.set(statusKey(view.cameraId), JSON.stringify(view), 'EX', this.env.STATUS_CACHE_TTL_SECONDS);
    } catch (error) {
      this.logger.debug(`status cache write failed: ${String(error)}`);
    }
  }

  private async publish(view: StreamStatusView): Promise<boolean> {
    if (!this.rabbit.isConnected()) return false;
    const data: CameraStatusChangedV1 = {
      cameraId: view.cameraId,
      status: view.status as CameraStatusChangedV1['status'],
      reason: view.reason,
      readers: view.readers,
      bitrateKbps: view.bitrateKbps,
      observedAt: view.observedAt,
    };
    const envelope = createEnvelope(RoutingKeys.cameraStatusChanged, data, 'streaming');
    try {
      await this.rabbit.publish(RoutingKeys.cameraStatusChanged, Buffer.from(JSON.stringify(envelope)), {
        messageId: envelope.id,
        contentType: 'application/json',
        type: envelope.type,
        headers: { [REQUEST_ID_HEADER]: envelope.correlationId ?? envelope.id },
      });
      this.logger.log({ cameraId: view.cameraId, status: view.status, reason: view.reason }, 'camera status changed');
      return true;
    } catch (error) {
      this.logger.warn(`status publish failed, will retry: ${String(error)}`);
      return false;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      await this.checkOnce().catch((error: unknown) => this.logger.warn(`status pass failed: ${String(error)}`));
      this.schedule();
    }, this.env.STATUS_INTERVAL_SECONDS * 1000);
  }
}
