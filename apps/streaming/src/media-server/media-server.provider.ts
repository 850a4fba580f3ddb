import type { FactoryProvider } from '@nestjs/common';
import { StreamingEnv } from '../streaming.env';
import { embeddedEngineOptionsFromEnv } from './infrastructure/embedded/embedded-engine.options';
import { EmbeddedMediaServer } from './infrastructure/embedded/embedded-media-server';
import { MediaMtxApiClient } from './infrastructure/mediamtx/mediamtx-api.client';
import { MediaMtxMediaServer } from './infrastructure/mediamtx/mediamtx.media-server';
import { MediaServer, StreamAccessPolicy } from './media-server.port';

/** MediaMTX in compose, the embedded ffmpeg engine (with its HLS server) everywhere else. */
export const mediaServerProvider: FactoryProvider<Promise<MediaServer>> = {
  provide: MediaServer,
  inject: [StreamingEnv, StreamAccessPolicy],
  useFactory: async (env: StreamingEnv, accessPolicy: StreamAccessPolicy) => {
    if (env.MEDIA_SERVER === 'mediamtx') {
      const client = new MediaMtxApiClient({
        baseUrl: env.MEDIAMTX_API_URL,
        username: env.MEDIAMTX_API_USER,
        password: env.MEDIAMTX_API_PASSWORD,
        timeoutMs: 5000,
      });
      return new MediaMtxMediaServer(client);
    }
    const engine = new EmbeddedMediaServer(embeddedEngineOptionsFromEnv(env), accessPolicy);
    await engine.start();
    return engine;
  },
};
