import 'reflect-metadata';
import { InvalidEnvironmentError, validateEnv } from '@vms/platform';
import { createStreamingApp } from './create-streaming-app';
import { StreamingEnv } from './streaming.env';

async function main(): Promise<void> {
  const env = validateEnv(StreamingEnv, process.env);
  const app = await createStreamingApp();
  await app.listen(env.PORT, '0.0.0.0');
}

main().catch((error: unknown) => {
  const message = error instanceof InvalidEnvironmentError ? error.message : `streaming failed to start: ${String(error instanceof Error ? error.stack : error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
