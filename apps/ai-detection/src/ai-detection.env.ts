import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { BaseEnv, booleanFromEnv } from '@vms/platform';

/** The AI detection service's environment, validated at boot. */
export class AiDetectionEnv extends BaseEnv {
  override PORT = 3002;
  override RATE_LIMIT_PER_MINUTE = 100;
  @IsInt() @Min(0) REDIS_CACHE_DB: number = 3;
  @IsInt() @Min(0) REDIS_RATE_LIMIT_DB: number = 0;

  @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/vms';
  /** The service's own schema: detections, its outbox and its dedupe table live there. */
  @IsString() @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'must be a plain lower-case SQL identifier' }) AI_DB_SCHEMA = 'ai';

  /** Where the api's internal camera endpoints are, and the shared service token. */
  @IsString() @Matches(/^https?:\/\//, { message: 'must be an http(s):// URL' }) API_INTERNAL_URL = 'http://127.0.0.1:3000';
  @IsString() @MinLength(16, { message: 'must be at least 16 characters' }) STREAMING_INTERNAL_TOKEN: string;
  /** HLS base the decoders read from: the embedded engine locally, MediaMTX's :8888 in compose. */
  @IsString() @Matches(/^https?:\/\//, { message: 'must be an http(s):// URL' }) MEDIA_HLS_URL = 'http://127.0.0.1:8888';

  /** Snapshots are written under MEDIA_ROOT/snapshots and served by nginx under PUBLIC_MEDIA_BASE. */
  @IsString() MEDIA_ROOT = 'var/media';
  @IsString() PUBLIC_MEDIA_BASE = '/media';
  @IsString() FFMPEG_PATH = 'ffmpeg';

  /** Registry entry to run (see model-registry.ts) and overrides. */
  @IsString() AI_MODEL = 'yolox_nano_416';
  @IsOptional() @IsString() AI_MODEL_PATH?: string;
  @IsOptional() @IsString() AI_MODEL_CONFIG?: string;
  @IsIn(['cpu', 'webgpu', 'cuda', 'auto']) AI_EXECUTION_PROVIDER: 'cpu' | 'webgpu' | 'cuda' | 'auto' = 'cpu';
  @IsInt() @Min(1) @Max(64) AI_MAX_BATCH: number = 8;
  /** ORT intra-op threads; default half the cores. */
  @IsOptional() @IsInt() @Min(1) AI_THREADS?: number;
  @booleanFromEnv() @IsBoolean() AI_THREAD_SPINNING: boolean = false;
  /** Candidates below this never leave the model; cameras filter further with their own minimum. */
  @IsNumber() @Min(0) @Max(1) AI_MIN_SCORE: number = 0.25;
  @IsNumber() @Min(0) @Max(1) AI_NMS_IOU: number = 0.45;

  @IsInt() @Min(1) AI_RETENTION_DAYS: number = 30;
  @IsInt() @Min(10) AI_RETENTION_BATCH: number = 1000;
  @IsInt() @Min(1) AI_CAMERA_SYNC_SECONDS: number = 60;
}
