import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a camera's status was set, so a late `camera.status.changed` cannot overwrite a newer one. */
export class CameraStatusChangedAt1795200000000 implements MigrationInterface {
  name = 'CameraStatusChangedAt1795200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cameras ADD COLUMN status_changed_at timestamptz`);
    await runner.query(`UPDATE cameras SET status_changed_at = updated_at`);
    await runner.query(`ALTER TABLE cameras ALTER COLUMN status_changed_at SET NOT NULL, ALTER COLUMN status_changed_at SET DEFAULT now()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cameras DROP COLUMN status_changed_at`);
  }
}
