import 'reflect-metadata';
import { InvalidEnvironmentError, validateEnv } from '@vms/platform';
import { createAiDetectionApp } from './create-ai-detection-app';
import { AiDetectionEnv } from './ai-detection.env';

async function main(): Promise<void> {
  const env = validateEnv(AiDetectionEnv, process.env);
  const app = await createAiDetectionApp();
  await app.listen(env.PORT, '0.0.0.0');
}

main().catch((error: unknown) => {
  const message = error instanceof InvalidEnvironmentError ? error.message : `ai-detection failed to start: ${String(error instanceof Error ? error.stack : error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
