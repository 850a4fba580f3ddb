import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { BaseEnv, booleanFromEnv } from '@vms/platform';

/** The api's environment, validated at boot. */
export class ApiEnv extends BaseEnv {
  override PORT = 3000;
  override RATE_LIMIT_PER_MINUTE = 100;
  @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/vms';
  @booleanFromEnv() @IsBoolean() DATABASE_MIGRATIONS_RUN = true;
  @IsInt() @Min(0) REDIS_CACHE_DB: number = 1;
  @IsInt() @Min(0) REDIS_RATE_LIMIT_DB: number = 0;
  @IsInt() @Min(1) CAMERA_CACHE_TTL_SECONDS: number = 60;
  /** How long `GET /api/dashboard/stats` serves the same figures. */
  @IsInt() @Min(1) DASHBOARD_CACHE_TTL_SECONDS: number = 10;
  @IsInt() @Min(60) JWT_ACCESS_TTL_SECONDS: number = 900;
  @IsInt() @Min(1) REFRESH_TOKEN_TTL_DAYS: number = 14;
  @IsString() @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' })
  CAMERA_CREDENTIALS_KEY: string;
  @booleanFromEnv() @IsBoolean() CAMERA_ALLOW_PRIVATE_NETWORKS = false;
  /** Comma-separated directories that `file://` camera sources may point into. */
  @IsString() CAMERA_FILE_ROOTS = '';
  /** Base URL of the streaming service's own API (not through HAProxy: its internal routes are blocked there). */
  @IsString() @Matches(/^https?:\/\/[^/]/, { message: 'must be an http(s):// URL' }) STREAMING_URL = 'http://127.0.0.1:3001';
  /** Shared secret for service-to-service calls (api <-> streaming), sent as `X-Internal-Token`. */
  @IsString() @MinLength(16, { message: 'must be at least 16 characters' }) STREAMING_INTERNAL_TOKEN: string;
  /** Longest a camera write waits for the streaming service before answering anyway. */
  @IsInt() @Min(1) @Max(60_000) STREAMING_TIMEOUT_MS: number = 3000;
  @IsOptional() @IsEmail() ADMIN_EMAIL?: string;
  @IsOptional() @IsString() @MinLength(8, { message: 'must be at least 8 characters' }) ADMIN_PASSWORD?: string;
}
