import { IsInt, Min } from 'class-validator';
import { BaseEnv } from '@vms/platform';

/** The streaming service's environment, validated at boot. */
export class StreamingEnv extends BaseEnv {
  override PORT = 3001;
  override RATE_LIMIT_PER_MINUTE = 500;
  @IsInt() @Min(0) REDIS_CACHE_DB: number = 2;
  @IsInt() @Min(0) REDIS_RATE_LIMIT_DB: number = 0;
}
