import path from 'node:path';
import type { StreamingEnv } from '../../../streaming.env';
import { BackoffOptions, DEFAULT_BACKOFF, ffprobeBeside } from '@vms/platform';
import type { EngineLogger } from './path-runner';

export interface EmbeddedEngineOptions {
  /** Where playlists and segments go, one directory per path (created if missing). */
  hlsRoot: string;
  ffmpegPath: string;
  /** Defaults to the ffprobe beside `ffmpegPath`. */
  ffprobePath?: string;
  /** Port of the HLS server; 0 picks a free one (see `EmbeddedMediaServer.port`). */
  httpPort: number;
  httpHost?: string;
  idleTimeoutSeconds: number;
  /** How long the first playlist request waits for a starting path (the shared street clip has 8 s GOPs). */
  startTimeoutMs?: number;
  probeIntervalMs?: number;
  probeTimeoutMs?: number;
  socketTimeoutMs?: number;
  stopGraceMs?: number;
  segmentSeconds?: number;
  playlistSize?: number;
  backoff?: Partial<BackoffOptions>;
  logger?: EngineLogger;
}

export type ResolvedEngineOptions = Required<Omit<EmbeddedEngineOptions, 'logger' | 'backoff'>> & { backoff: BackoffOptions };

export function resolveEngineOptions(options: EmbeddedEngineOptions): ResolvedEngineOptions {
  return {
    hlsRoot: path.resolve(options.hlsRoot),
    ffmpegPath: options.ffmpegPath,
    ffprobePath: options.ffprobePath ?? ffprobeBeside(options.ffmpegPath),
    httpPort: options.httpPort,
    httpHost: options.httpHost ?? '0.0.0.0',
    idleTimeoutSeconds: options.idleTimeoutSeconds,
    startTimeoutMs: options.startTimeoutMs ?? 15000,
    probeIntervalMs: options.probeIntervalMs ?? 60000,
    probeTimeoutMs: options.probeTimeoutMs ?? 8000,
    socketTimeoutMs: options.socketTimeoutMs ?? 5000,
    stopGraceMs: options.stopGraceMs ?? 3000,
    segmentSeconds: options.segmentSeconds ?? 2,
    playlistSize: options.playlistSize ?? 6,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
  };
}

/** The engine's settings from the streaming service's validated environment. */
export function embeddedEngineOptionsFromEnv(
  env: Pick<StreamingEnv, 'HLS_PORT' | 'HLS_ROOT' | 'FFMPEG_PATH' | 'STREAM_IDLE_TIMEOUT_SECONDS'>,
): EmbeddedEngineOptions {
  return { httpPort: env.HLS_PORT, hlsRoot: env.HLS_ROOT, ffmpegPath: env.FFMPEG_PATH, idleTimeoutSeconds: env.STREAM_IDLE_TIMEOUT_SECONDS };
}
