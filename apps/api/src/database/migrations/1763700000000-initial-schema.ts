import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email varchar(254) NOT NULL,
        password_hash text NOT NULL,
        role varchar(20) NOT NULL CHECK (role IN ('admin', 'operator', 'integrator')),
        display_name varchar(100) NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX uq_users_email ON users (lower(email))`);

    await runner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    await runner.query(`CREATE INDEX idx_refresh_tokens_family ON refresh_tokens (family_id)`);
    await runner.query(`CREATE INDEX idx_refresh_tokens_user ON refresh_tokens (user_id)`);

    await runner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        name varchar(100) NOT NULL,
        key_hash char(64) NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);

    await runner.query(`
      CREATE TABLE cameras (
        id uuid PRIMARY KEY,
        name varchar(100) NOT NULL,
        description varchar(1000) NOT NULL DEFAULT '',
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        source_url varchar(2048) NOT NULL,
        credentials_encrypted text,
        enabled boolean NOT NULL DEFAULT true,
        ai_enabled boolean NOT NULL DEFAULT false,
        ai_classes text[] NOT NULL DEFAULT '{}',
        ai_min_confidence double precision NOT NULL DEFAULT 0.5 CHECK (ai_min_confidence BETWEEN 0 AND 1),
        ai_roi jsonb NOT NULL DEFAULT '[]',
        status varchar(20) NOT NULL CHECK (status IN ('provisioning', 'online', 'offline', 'error')),
        last_error varchar(500),
        revision integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX uq_cameras_name ON cameras (lower(name))`);

    await runner.query(`
      CREATE TABLE mosaics (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name varchar(100) NOT NULL,
        layout varchar(5) NOT NULL CHECK (layout IN ('1x1', '2x2', '3x3', '4x4', '5x5')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX uq_mosaics_owner_name ON mosaics (owner_id, lower(name))`);
    await runner.query(`
      CREATE TABLE mosaic_tiles (
        mosaic_id uuid NOT NULL REFERENCES mosaics (id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position BETWEEN 0 AND 24),
        camera_id uuid NOT NULL,
        PRIMARY KEY (mosaic_id, position),
        CONSTRAINT fk_mosaic_tiles_camera FOREIGN KEY (camera_id) REFERENCES cameras (id) ON DELETE CASCADE
      )`);
    await runner.query(`CREATE INDEX idx_mosaic_tiles_camera ON mosaic_tiles (camera_id)`);

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
    await runner.query(`CREATE INDEX idx_outbox_unpublished ON outbox_events (sequence) WHERE published_at IS NULL`);

    await runner.query(`
      CREATE TABLE processed_events (
        consumer varchar(100) NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['processed_events', 'outbox_events', 'mosaic_tiles', 'mosaics', 'cameras', 'api_keys', 'refresh_tokens', 'users']) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
