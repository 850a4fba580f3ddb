import { IsIn, IsInt, IsString, Matches, Min, MinLength } from 'class-validator';
import { BaseEnv } from '@vms/platform';

/** The streaming service's environment, validated at boot. */
export class StreamingEnv extends BaseEnv {
  override PORT = 3001;
  override RATE_LIMIT_PER_MINUTE = 500;
  @IsInt() @Min(0) REDIS_CACHE_DB: number = 2;
  @IsInt() @Min(0) REDIS_RATE_LIMIT_DB: number = 0;

  /** `embedded` (ffmpeg engine, local stack and tests) or `mediamtx` (compose). */
  @IsIn(['embedded', 'mediamtx']) MEDIA_SERVER: 'embedded' | 'mediamtx' = 'embedded';
  @IsString() @Matches(/^https?:\/\//, { message: 'must be an http(s):// URL' }) MEDIAMTX_API_URL = 'http://127.0.0.1:9997';
  @IsString() MEDIAMTX_API_USER = 'vms-streaming';
  @IsString() MEDIAMTX_API_PASSWORD = '';
  /** RTSP address MediaMTX publishes replayed `file://` cameras to (compose). */
  @IsString() MEDIAMTX_RTSP_URL = 'rtsp://127.0.0.1:8554';

  /** Port of the embedded engine's HLS server (what HAProxy's /hls routes to locally). */
  @IsInt() @Min(1) HLS_PORT: number = 8888;
  /** Where the embedded engine writes playlists and segments. */
  @IsString() HLS_ROOT = 'var/hls';
  @IsString() FFMPEG_PATH = 'ffmpeg';
  /** An on-demand stream nobody has read for this long is stopped. */
  @IsInt() @Min(1) STREAM_IDLE_TIMEOUT_SECONDS: number = 60;

  /** Shared secret for service-to-service calls (api <-> streaming). */
  @IsString() @MinLength(16, { message: 'must be at least 16 characters' }) STREAMING_INTERNAL_TOKEN: string;
  @IsString() @Matches(/^https?:\/\//, { message: 'must be an http(s):// URL' }) API_INTERNAL_URL = 'http://127.0.0.1:3000';
  /** Public path prefix of HLS URLs handed to browsers (HAProxy routes it to the media server). */
  @IsString() PUBLIC_HLS_BASE = '/hls';
  @IsInt() @Min(30) STREAM_TOKEN_TTL_SECONDS: number = 600;
  @IsInt() @Min(1) RECONCILE_INTERVAL_SECONDS: number = 30;
  @IsInt() @Min(1) STATUS_INTERVAL_SECONDS: number = 5;
  @IsInt() @Min(1) STATUS_CACHE_TTL_SECONDS: number = 30;
}
