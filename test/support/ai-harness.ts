import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createAiDetectionApp } from '../../apps/ai-detection/src/create-ai-detection-app';
import { FrameSource } from '../../apps/ai-detection/src/pipeline/application/frame-source';
import { freePort } from './built-service';
import { LogCapture } from './log-capture';

export interface AiHarness {
  app: INestApplication;
  http: ReturnType<typeof request>;
  mediaRoot: string;
  logs: LogCapture;
  frames: FrameSource;
  close(): Promise<void>;
}

/** Boots the real AI detection service in-process, sharing the api's database, secrets, vhost and Redis prefix. */
export async function startAi(
  apiEnv: Record<string, string>,
  apiBaseUrl: string,
  hlsBaseUrl: string,
  overrides: Record<string, string> = {},
): Promise<AiHarness> {
  const mediaRoot = await mkdtemp(path.join(os.tmpdir(), 'vms-ai-media-'));
  const logs = new LogCapture();
  const app = await createAiDetectionApp({
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: apiEnv.DATABASE_URL,
      JWT_SECRET: apiEnv.JWT_SECRET,
      REDIS_URL: apiEnv.REDIS_URL,
      REDIS_KEY_PREFIX: apiEnv.REDIS_KEY_PREFIX,
      RABBITMQ_URL: apiEnv.RABBITMQ_URL,
      STREAMING_INTERNAL_TOKEN: apiEnv.STREAMING_INTERNAL_TOKEN,
      API_INTERNAL_URL: apiBaseUrl,
      MEDIA_HLS_URL: hlsBaseUrl,
      MEDIA_ROOT: mediaRoot,
      AI_CAMERA_SYNC_SECONDS: '5',
      ...overrides,
    },
    logDestination: logs,
  });
  await app.listen(await freePort(), '127.0.0.1');
  return {
    app,
    http: request(await app.getUrl()),
    mediaRoot,
    logs,
    frames: app.get(FrameSource),
    close: async () => {
      await app.close();
      await rm(mediaRoot, { recursive: true, force: true });
    },
  };
}
