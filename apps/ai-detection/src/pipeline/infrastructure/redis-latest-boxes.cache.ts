import { Injectable, Logger } from '@nestjs/common';
import { RedisClient } from '@vms/platform';
import { AiDetectionEnv } from '../../ai-detection.env';
import { LatestBoxes, LatestBoxesCache } from '../application/latest-boxes';

const TTL_SECONDS = 10;

/**
 * `ai:latest:<cameraId>` in Redis db 3 (expires when a camera stops being inferred) and a
 * publish on `<prefix>ai:boxes:<cameraId>` for live overlays. Redis errors never stop the pipeline.
 */
@Injectable()
export class RedisLatestBoxesCache extends LatestBoxesCache {
  private readonly logger = new Logger(RedisLatestBoxesCache.name);

  constructor(private readonly redis: RedisClient, private readonly env: AiDetectionEnv) {
    super();
  }

  async put(boxes: LatestBoxes): Promise<void> {
    const payload = JSON.stringify(boxes);
    try {
      await this.redis.set(`ai:latest:${boxes.cameraId}`, payload, 'EX', TTL_SECONDS);
      await this.redis.publish(`${this.env.REDIS_KEY_PREFIX}ai:boxes:${boxes.cameraId}`, payload);
    } catch (error) {
      this.logger.debug(`latest boxes not cached: ${String(error)}`);
    }
  }

  async get(cameraId: string): Promise<LatestBoxes | null> {
    try {
      const raw = await this.redis.get(`ai:latest:${cameraId}`);
      return raw ? (JSON.parse(raw) as LatestBoxes) : null;
    } catch {
      return null;
    }
  }
}
