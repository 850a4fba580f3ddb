import { MigrationInterface, QueryRunner } from 'typeorm';

/** The AI service's tables, in its own schema (search_path is set to it by the data source). */
export class AiSchema1795300000000 implements MigrationInterface {
  name = 'AiSchema1795300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE detections (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        camera_id uuid NOT NULL,
        class varchar(50) NOT NULL,
        confidence double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        bbox_x double precision NOT NULL,
        bbox_y double precision NOT NULL,
        bbox_w double precision NOT NULL,
        bbox_h double precision NOT NULL,
        track_id integer NOT NULL,
        reason varchar(20) NOT NULL,
        snapshot_path varchar(500),
        detected_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX idx_detections_detected_at ON detections (detected_at)`);
    await runner.query(`CREATE INDEX idx_detections_camera_time ON detections (camera_id, detected_at DESC)`);

    await runner.query(`
      CREATE TABLE outbox_events (
        id uuid PRIMARY KEY,
        sequence bigserial NOT NULL UNIQUE,
        routing_key varchar(100) NOT NULL,
        aggregate_id varchar(100),
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await runner.query(`CREATE INDEX idx_ai_outbox_unpublished ON outbox_events (sequence) WHERE published_at IS NULL`);

    await runner.query(`
      CREATE TABLE processed_events (
        consumer varchar(100) NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['processed_events', 'outbox_events', 'detections']) await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
