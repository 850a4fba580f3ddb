import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { WsAdapter } from '@nestjs/platform-ws';
import { configureApp } from '@vms/platform';
import { ApiModule, ApiModuleOptions } from './api.module';

/** Builds the api exactly as `main.ts` runs it; tests boot it the same way. */
export async function createApiApp(options: ApiModuleOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(options), { bufferLogs: true });
  app.useWebSocketAdapter(new WsAdapter(app));
  configureApp(app, {
    globalPrefix: 'api',
    title: 'VMS API',
    description: 'Cameras, users, API keys, mosaics, detections, dashboard. Errors are always `{error:{code,message,details?}}`.',
    docsPath: 'api/docs',
  });
  return app;
}
