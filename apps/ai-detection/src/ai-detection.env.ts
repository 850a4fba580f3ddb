import { IsInt, Min } from 'class-validator';
import { BaseEnv } from '@vms/platform';

/** The ai-detection service's environment, validated at boot. */
export class AiDetectionEnv extends BaseEnv {
  override PORT = 3002;
  override RATE_LIMIT_PER_MINUTE = 100;
  @IsInt() @Min(0) REDIS_CACHE_DB: number = 3;
  @IsInt() @Min(0) REDIS_RATE_LIMIT_DB: number = 0;
}
