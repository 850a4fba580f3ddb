import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AiDetectionEnv } from '../../ai-detection.env';
import { DetectionStore } from './detection-store';
import { SnapshotWriter } from './snapshot-writer';

const PASS_INTERVAL_MS = 3600_000;
const PAUSE_BETWEEN_BATCHES_MS = 50;

/** Deletes detections (and their snapshots) older than AI_RETENTION_DAYS, in bounded batches. */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: DetectionStore, private readonly snapshots: SnapshotWriter, private readonly env: AiDetectionEnv) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge().catch((error: unknown) => this.logger.warn(`retention pass failed: ${String(error)}`)), PASS_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One full pass; returns how many detections were deleted. */
  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.env.AI_RETENTION_DAYS * 86_400_000);
    let total = 0;
    for (;;) {
      const { deleted, snapshotPaths } = await this.store.deleteOlderThan(cutoff, this.env.AI_RETENTION_BATCH);
      await this.snapshots.remove(snapshotPaths);
      total += deleted;
      if (deleted < this.env.AI_RETENTION_BATCH) break;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_BATCHES_MS));
    }
    if (total > 0) this.logger.log({ deleted: total, cutoff: cutoff.toISOString() }, 'old detections deleted');
    return total;
  }
}
