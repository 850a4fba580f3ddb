import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateEnv } from '@vms/platform';
import { IsString, Matches } from 'class-validator';
import { apiDataSourceOptions } from './database/api-data-source.options';

class MigrationEnv {
  @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/vms';
}

/** `npm run migrate`: applies the api's pending migrations and exits. */
async function migrate(): Promise<void> {
  const env = validateEnv(MigrationEnv, process.env);
  const dataSource = await new DataSource(apiDataSourceOptions(env.DATABASE_URL)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(`migrations applied: ${applied.length === 0 ? 'none pending' : applied.map((m) => m.name).join(', ')}\n`);
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
