import 'reflect-metadata';
import { InvalidEnvironmentError, validateEnv } from '@vms/platform';
import { ApiEnv } from './api.env';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const env = validateEnv(ApiEnv, process.env);
  const app = await createApiApp();
  await app.listen(env.PORT, '0.0.0.0');
}

main().catch((error: unknown) => {
  const message = error instanceof InvalidEnvironmentError ? error.message : `api failed to start: ${String(error instanceof Error ? error.stack : error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
