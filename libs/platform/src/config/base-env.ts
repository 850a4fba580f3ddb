import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

export const booleanFromEnv = () =>
  Transform(({ obj, key }) => {
    const raw = obj[key];
    if (raw === undefined || raw === '') return undefined;
    if (typeof raw === 'boolean') return raw;
    if (/^(true|1|yes)$/i.test(String(raw))) return true;
    if (/^(false|0|no)$/i.test(String(raw))) return false;
    return raw;
  });

/** Variables every service reads. Apps extend this class with their own. */
export class BaseEnv {
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  @IsInt() @Min(1) @Max(65535) PORT: number;
  @IsString() @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' }) REDIS_URL = 'redis://127.0.0.1:6379';
  @IsString() REDIS_KEY_PREFIX = 'vms:';
  @IsString() @Matches(/^amqps?:\/\//, { message: 'must be an amqp:// URL' }) RABBITMQ_URL = 'amqp://guest:guest@127.0.0.1:5672';
  @IsString() @MinLength(32, { message: 'must be at least 32 characters' }) JWT_SECRET: string;
  @IsString() JWT_ISSUER = 'vms-api';
  @IsInt() @Min(1) RATE_LIMIT_PER_MINUTE: number;
  @IsOptional() @IsString() SERVICE_NAME?: string;
}
