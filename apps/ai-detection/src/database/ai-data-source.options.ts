import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { OutboxEventOrmEntity, ProcessedEventOrmEntity } from '@vms/platform';
import { DetectionOrmEntity } from '../detections/infrastructure/detection.orm-entity';
import { AiSchema1795300000000 } from './migrations/1795300000000-ai-schema';

/**
 * The AI service's tables live in their own schema of the shared database; the connection's
 * search_path points there, so the platform's outbox and dedupe tables are the service's own.
 */
export function aiDataSourceOptions(databaseUrl: string, schema: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [DetectionOrmEntity, OutboxEventOrmEntity, ProcessedEventOrmEntity],
    migrations: [AiSchema1795300000000],
    migrationsTableName: 'ai_migrations',
    synchronize: false,
    extra: { max: 10, connectionTimeoutMillis: 5000, options: `-c search_path=${schema}` },
  };
}

/** TypeORM creates its migrations table before running migrations, so the schema must exist first. */
export async function ensureSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await client.end();
  }
}
