import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { ApiEnv } from '../api.env';
import { LiveEventsHub } from './live-events.hub';
import { parseBoxes, RecentBoxes } from './recent-boxes';

/** Pushed to sockets for every inferred frame of a camera they watch (not only new tracks). */
export const DETECTION_BOXES = 'detection.boxes';
const CHANNEL = 'ai:boxes:';

/**
 * Relays the AI service's per-frame boxes (Redis pub/sub `<prefix>ai:boxes:<cameraId>`) to the
 * sockets subscribed to that camera, and remembers each camera's last boxes for a socket that
 * subscribes later (its first paint). A dedicated connection, since a subscribed ioredis client
 * can run no other command; ioredis reconnects and re-subscribes the pattern when Redis returns.
 */
@Injectable()
export class LiveBoxesSubscriber implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveBoxesSubscriber.name);
  private readonly channelPrefix: string;
  private readonly pattern: string;
  private subscriber: Redis | null = null;
  private connected = false;
  private readonly recent = new RecentBoxes();
  private pruneTimer: NodeJS.Timeout | null = null;

  constructor(private readonly env: ApiEnv, private readonly hub: LiveEventsHub) {
    // Channel names are not keys: ioredis's keyPrefix does not apply, so the prefix is explicit.
    this.channelPrefix = `${env.REDIS_KEY_PREFIX}${CHANNEL}`;
    this.pattern = `${this.channelPrefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  }

  onApplicationBootstrap(): void {
    const subscriber = new Redis(this.env.REDIS_URL, {
      connectionName: 'api-live-boxes',
      // Queued until connected, however long Redis is away: the subscription is never dropped.
      maxRetriesPerRequest: null,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      autoResubscribe: true,
    });
    subscriber.on('ready', () => {
      this.logger.log(`live boxes: listening on ${this.pattern}`);
      this.connected = true;
    });
    subscriber.on('close', () => {
      if (this.connected) this.logger.warn('live boxes: Redis connection lost; reconnecting');
      this.connected = false;
    });
    subscriber.on('error', (error: Error) => this.logger.debug(`live boxes: ${error.message}`));
    subscriber.on('pmessage', (_pattern: string, channel: string, message: string) => this.relay(channel, message));
    subscriber.psubscribe(this.pattern).catch((error: Error) => this.logger.warn(`live boxes: subscribe failed: ${error.message}`));
    this.subscriber = subscriber;
    this.pruneTimer = setInterval(() => this.recent.prune(), 30_000);
    this.pruneTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  /** The camera's boxes from the last few seconds, or null. */
  latest(cameraId: string): unknown {
    return this.recent.get(cameraId);
  }

  private relay(channel: string, message: string): void {
    const cameraId = channel.slice(this.channelPrefix.length);
    this.recent.put(cameraId, message);
    // Parsed only for cameras someone watches; most messages of a large site are just remembered.
    if (!this.hub.isWatched(cameraId)) return;
    const data = parseBoxes(cameraId, message);
    if (data) this.hub.publish(cameraId, DETECTION_BOXES, data);
    else this.logger.debug(`malformed boxes on ${channel} ignored`);
  }
}
