import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The api's read model of `detection.created`: one row per detected object. No foreign key to
 * cameras: a deleted camera keeps its detection history.
 */
export class Detections1795300000000 implements MigrationInterface {
  name = 'Detections1795300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE detections (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        camera_id uuid NOT NULL,
        class varchar(50) NOT NULL,
        confidence double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        bbox_x double precision NOT NULL CHECK (bbox_x BETWEEN 0 AND 1),
        bbox_y double precision NOT NULL CHECK (bbox_y BETWEEN 0 AND 1),
        bbox_w double precision NOT NULL CHECK (bbox_w BETWEEN 0 AND 1),
        bbox_h double precision NOT NULL CHECK (bbox_h BETWEEN 0 AND 1),
        track_id integer NOT NULL CHECK (track_id >= 0),
        snapshot_url varchar(2048),
        detected_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Keyset pagination walks (detected_at, id) descending, alone or after an equality filter.
    await runner.query(`CREATE INDEX idx_detections_time ON detections (detected_at DESC, id DESC)`);
    await runner.query(`CREATE INDEX idx_detections_camera_time ON detections (camera_id, detected_at DESC, id DESC)`);
    await runner.query(`CREATE INDEX idx_detections_class_time ON detections (class, detected_at DESC, id DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE IF EXISTS detections`);
  }
}
