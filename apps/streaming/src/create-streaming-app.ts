import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureApp } from '@vms/platform';
import { StreamingModule, StreamingModuleOptions } from './streaming.module';

export async function createStreamingApp(options: StreamingModuleOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(StreamingModule.forRoot(options), { bufferLogs: true });
  configureApp(app, { globalPrefix: 'api/streaming', title: 'VMS streaming service', description: 'Stream provisioning, status and stream URLs.', docsPath: 'api/streaming/docs' });
  return app;
}
