import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createStreamingApp } from '../../apps/streaming/src/create-streaming-app';
import { MediaServer } from '../../apps/streaming/src/media-server/media-server.port';
import { Reconciler } from '../../apps/streaming/src/streams/application/reconciler.service';
import { StatusMonitor } from '../../apps/streaming/src/streams/application/status-monitor.service';
import { freePort } from './built-service';
import { LogCapture } from './log-capture';

export interface StreamingHarness {
  app: INestApplication;
  http: ReturnType<typeof request>;
  baseUrl: string;
  hlsBaseUrl: string;
  hlsRoot: string;
  logs: LogCapture;
  mediaServer: MediaServer;
  reconciler: Reconciler;
  monitor: StatusMonitor;
  close(options?: { keepHlsRoot?: boolean }): Promise<void>;
}

/**
 * Boots the real streaming service in-process with the embedded engine, sharing the api's
 * secrets, vhost and Redis prefix. `port`/`hlsPort` let a restarted instance take the same addresses.
 */
export async function startStreaming(
  apiEnv: Record<string, string>,
  apiBaseUrl: string,
  options: { port?: number; hlsPort?: number; hlsRoot?: string; env?: Record<string, string> } = {},
): Promise<StreamingHarness> {
  const port = options.port ?? (await freePort());
  const hlsPort = options.hlsPort ?? (await freePort());
  const hlsRoot = options.hlsRoot ?? (await mkdtemp(path.join(os.tmpdir(), 'vms-hls-')));
  const logs = new LogCapture();
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    JWT_SECRET: apiEnv.JWT_SECRET,
    REDIS_URL: apiEnv.REDIS_URL,
    REDIS_KEY_PREFIX: apiEnv.REDIS_KEY_PREFIX,
    RABBITMQ_URL: apiEnv.RABBITMQ_URL,
    STREAMING_INTERNAL_TOKEN: apiEnv.STREAMING_INTERNAL_TOKEN,
    API_INTERNAL_URL: apiBaseUrl,
    MEDIA_SERVER: 'embedded',
    HLS_PORT: String(hlsPort),
    HLS_ROOT: hlsRoot,
    STREAM_IDLE_TIMEOUT_SECONDS: '30',
    RECONCILE_INTERVAL_SECONDS: '2',
    STATUS_INTERVAL_SECONDS: '1',
    ...options.env,
  };
  const app = await createStreamingApp({ env, logDestination: logs });
  await app.listen(port, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    http: request(baseUrl),
    baseUrl,
    hlsBaseUrl: `http://127.0.0.1:${hlsPort}`,
    hlsRoot,
    logs,
    mediaServer: app.get(MediaServer),
    reconciler: app.get(Reconciler),
    monitor: app.get(StatusMonitor),
    close: async (closeOptions = {}) => {
      await app.close();
      if (!closeOptions.keepHlsRoot) await rm(hlsRoot, { recursive: true, force: true });
    },
  };
}

export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 30000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
