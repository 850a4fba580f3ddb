import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { AiDetectionEnv } from '../../apps/ai-detection/src/ai-detection.env';
import { aiDataSourceOptions, ensureSchema } from '../../apps/ai-detection/src/database/ai-data-source.options';
import { RetentionService } from '../../apps/ai-detection/src/detections/application/retention.service';
import { FfmpegSnapshotWriter } from '../../apps/ai-detection/src/detections/infrastructure/ffmpeg-snapshot.writer';
import { TypeormDetectionStore } from '../../apps/ai-detection/src/detections/infrastructure/typeorm-detection.store';
import type { OutboxWriter } from '@vms/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** Retention against the real PostgreSQL schema of the AI service and real snapshot files. */
describe('detection retention (medium)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let mediaRoot: string;
  let retention: RetentionService;

  const insertDetection = async (ageDays: number, snapshotPath: string | null) => {
    await dataSource.query(
      `INSERT INTO detections (id, event_id, camera_id, class, confidence, bbox_x, bbox_y, bbox_w, bbox_h, track_id, reason, snapshot_path, detected_at)
       VALUES ($1, $2, $3, 'car', 0.9, 0.1, 0.1, 0.2, 0.2, 1, 'appeared', $4, now() - ($5 || ' days')::interval)`,
      [randomUUID(), randomUUID(), randomUUID(), snapshotPath, String(ageDays)],
    );
  };
  const snapshot = async (name: string) => {
    const relative = path.join('snapshots', 'cam', `${name}.jpg`);
    await mkdir(path.join(mediaRoot, 'snapshots', 'cam'), { recursive: true });
    await writeFile(path.join(mediaRoot, relative), 'jpeg');
    return relative;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await ensureSchema(db.url, 'ai');
    dataSource = await new DataSource(aiDataSourceOptions(db.url, 'ai')).initialize();
    await dataSource.runMigrations();
    mediaRoot = await mkdtemp(path.join(os.tmpdir(), 'vms-retention-'));
    const env = { AI_RETENTION_DAYS: 30, AI_RETENTION_BATCH: 10, MEDIA_ROOT: mediaRoot, FFMPEG_PATH: 'ffmpeg' } as AiDetectionEnv;
    const store = new TypeormDetectionStore(dataSource, {} as OutboxWriter);
    retention = new RetentionService(store, new FfmpegSnapshotWriter(env), env);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
    await rm(mediaRoot, { recursive: true, force: true });
  });

  it('deletes, in several bounded batches, every detection older than the retention and the snapshots nothing else uses', async () => {
    const oldShared = await snapshot('old-shared');
    const oldAlone = await snapshot('old-alone');
    const recent = await snapshot('recent');
    for (let index = 0; index < 23; index++) await insertDetection(40 + index, index === 0 ? oldAlone : null);
    await insertDetection(45, oldShared);
    await insertDetection(5, oldShared);
    await insertDetection(2, recent);

    expect(await retention.purge()).toBe(24);
    const remaining = await dataSource.query<{ count: string }[]>('SELECT count(*) FROM detections');
    expect(Number(remaining[0].count)).toBe(2);
    expect(existsSync(path.join(mediaRoot, oldAlone))).toBe(false);
    expect(existsSync(path.join(mediaRoot, oldShared))).toBe(true);
    expect(existsSync(path.join(mediaRoot, recent))).toBe(true);
    expect(await retention.purge()).toBe(0);
  });

  it('never deletes files outside the media root, whatever a row says', async () => {
    const outside = path.join(os.tmpdir(), `vms-outside-${randomUUID()}.jpg`);
    await writeFile(outside, 'keep');
    try {
      await insertDetection(90, path.relative(mediaRoot, outside));
      expect(await retention.purge()).toBe(1);
      expect(existsSync(outside)).toBe(true);
    } finally {
      await rm(outside, { force: true });
    }
  });
});
