import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureApp } from '@vms/platform';
import { AiDetectionModule, AiDetectionModuleOptions } from './ai-detection.module';

export async function createAiDetectionApp(options: AiDetectionModuleOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AiDetectionModule.forRoot(options), { bufferLogs: true });
  configureApp(app, { globalPrefix: 'api/ai', title: 'VMS AI detection service', description: 'Object detection on live camera streams.', docsPath: 'api/ai/docs' });
  return app;
}
