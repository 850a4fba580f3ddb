import { Injectable, Logger } from '@nestjs/common';
import { RedisClient } from '@vms/platform';
import { ApiEnv } from '../../api.env';
import { CameraCache } from '../application/camera-cache';
import type { CameraView } from '../application/camera-view';

const itemKey = (id: string) => `cameras:item:${id}`;
const LIST_KEY = 'cameras:list';

/** Camera views in Redis (db 1). Every failure is logged and reported as a miss. */
@Injectable()
export class RedisCameraCache extends CameraCache {
  private readonly logger = new Logger(RedisCameraCache.name);

  constructor(private readonly redis: RedisClient, private readonly env: ApiEnv) {
    super();
  }

  async get(id: string) {
    return this.read<CameraView>(itemKey(id));
  }

  async set(view: CameraView) {
    await this.write(itemKey(view.id), view);
  }

  async getList() {
    return this.read<CameraView[]>(LIST_KEY);
  }

  async setList(views: CameraView[]) {
    await this.write(LIST_KEY, views);
  }

  async invalidate(id: string) {
    try {
      await this.redis.del(itemKey(id), LIST_KEY);
    } catch (error) {
      this.logger.warn(`camera cache invalidation failed: ${String(error)}`);
    }
  }

  private async read<T>(key: string): Promise<T | null> {
    try {
      const raw = await this.redis.get(key);
      return raw ? (JSON.parse(raw) as T) : null;
    } catch (error) {
      this.logger.warn(`camera cache read failed, using the database: ${String(error)}`);
      return null;
    }
  }

  private async write(key: string, value: unknown): Promise<void> {
    try {
      await this.redis.set(key, JSON.stringify(value), 'EX', this.env.CAMERA_CACHE_TTL_SECONDS);
    } catch (error) {
      this.logger.warn(`camera cache write failed: ${String(error)}`);
    }
  }
}
