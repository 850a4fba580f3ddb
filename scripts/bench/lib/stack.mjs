// The local stack a benchmark runs against: the built api and streaming services (embedded ffmpeg
// engine, as in the local stack) and, when asked, the built ai-detection service, as child processes
// on throwaway infrastructure (database, RabbitMQ vhost, Redis key prefix, random secrets). Everything
// is registered with cleanUp().
import path from 'node:path';
import { createDatabase, createVhost, randomSecret, REDIS_URL, reserveRedisPrefix } from './infrastructure.mjs';
import { freePort, REPO_ROOT, startBuiltService, waitReady } from './processes.mjs';
import { VmsClient } from './vms-client.mjs';

/** The shared test media (outside the repository): `file://` cameras must live below it. */
export const MEDIA_DIR = path.resolve(REPO_ROOT, '../shared/media');

/**
 * Starts api + streaming (+ ai-detection when `ai` is given, with `ai.env` added to its environment),
 * waits until each answers /health/ready, and logs in as the admin.
 * Resolves to {api, streaming, ai, client, urls: {api, streaming, hls, ai}, mediaRoot (the ai service's MEDIA_ROOT)}.
 */
export async function startStack({ tag, workDir, log, ai = null }) {
  log('infrastructure: database, RabbitMQ vhost, Redis prefix');
  const databaseUrl = await createDatabase(tag);
  const rabbitmqUrl = await createVhost(tag);
  const redisPrefix = reserveRedisPrefix(tag);
  const [apiPort, streamingPort, hlsPort, aiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const admin = { email: 'bench-admin@bench.local', password: randomSecret(12) };
  const urls = {
    api: `http://127.0.0.1:${apiPort}`,
    streaming: `http://127.0.0.1:${streamingPort}`,
    hls: `http://127.0.0.1:${hlsPort}`,
    ai: ai ? `http://127.0.0.1:${aiPort}` : null,
  };
  const shared = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    JWT_SECRET: randomSecret(32),
    STREAMING_INTERNAL_TOKEN: randomSecret(16),
    REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    RABBITMQ_URL: rabbitmqUrl,
    // A benchmark makes a few hundred API calls in minutes; it measures streams and models, not the limiter.
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const api = startBuiltService('api', {
    ...shared,
    PORT: String(apiPort),
    DATABASE_URL: databaseUrl,
    CAMERA_CREDENTIALS_KEY: randomSecret(32, 'base64'),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    CAMERA_ALLOW_PRIVATE_NETWORKS: 'true',
    CAMERA_FILE_ROOTS: MEDIA_DIR,
    STREAMING_URL: urls.streaming,
  }, path.join(workDir, 'api.log'));
  const streaming = startBuiltService('streaming', {
    ...shared,
    PORT: String(streamingPort),
    API_INTERNAL_URL: urls.api,
    MEDIA_SERVER: 'embedded',
    HLS_PORT: String(hlsPort),
    HLS_ROOT: path.join(workDir, 'hls'),
    STREAM_IDLE_TIMEOUT_SECONDS: '600',
  }, path.join(workDir, 'streaming.log'));
  const mediaRoot = path.join(workDir, 'media');
  const aiService = ai
    ? startBuiltService('ai-detection', {
      ...shared,
      PORT: String(aiPort),
      DATABASE_URL: databaseUrl,
      API_INTERNAL_URL: urls.api,
      MEDIA_HLS_URL: urls.hls,
      MEDIA_ROOT: mediaRoot,
      AI_CAMERA_SYNC_SECONDS: '10',
      ...ai.env,
    }, path.join(workDir, 'ai-detection.log'))
    : null;
  log(`api (pid ${api.pid}) on :${apiPort}, streaming (pid ${streaming.pid}) on :${streamingPort}, HLS on :${hlsPort}`
    + (aiService ? `, ai-detection (pid ${aiService.pid}) on :${aiPort}` : ''));
  await Promise.all([
    waitReady(api, `${urls.api}/health/ready`),
    waitReady(streaming, `${urls.streaming}/health/ready`),
    ...(aiService ? [waitReady(aiService, `${urls.ai}/health/ready`)] : []),
  ]);
  log(aiService ? 'all three services ready' : 'both services ready');
  const client = new VmsClient({ apiUrl: urls.api, streamingUrl: urls.streaming, hlsUrl: urls.hls, ...admin });
  await client.login();
  return { api, streaming, ai: aiService, client, urls, mediaRoot: aiService ? mediaRoot : null };
}
