import { Injectable } from '@nestjs/common';
import { secretsEqual } from '@vms/platform';
import { StreamingEnv } from '../../streaming.env';
import { StreamTokenService } from './stream-token.service';

export interface MediaAuthRequest {
  user?: string;
  password?: string;
  token?: string;
  ip?: string;
  action?: string;
  path?: string;
  query?: string;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * MediaMTX's questions, answered: `read`/`playback` need a stream token for that path (from the
 * token field, `?token=`, or the password); `api` needs the Control API credentials; `publish`
 * only from MediaMTX itself (its runOnDemand ffmpeg replaying a file); anything else is refused.
 */
@Injectable()
export class MediaAuthorizer {
  constructor(private readonly tokens: StreamTokenService, private readonly env: StreamingEnv) {}

  allows(raw: MediaAuthRequest): boolean {
    const request = onlyStrings(raw);
    const path = request.path ?? '';
    switch (request.action) {
      case 'read':
      case 'playback':
        return this.tokens.allows(tokenOf(request), path);
      case 'api':
        return request.user === this.env.MEDIAMTX_API_USER && secretsEqual(request.password ?? '', this.env.MEDIAMTX_API_PASSWORD);
      case 'publish':
        return LOOPBACK.test(request.ip ?? '') && /^cam_[0-9a-f-]{36}$/.test(path);
      default:
        return false;
    }
  }
}

function tokenOf(request: MediaAuthRequest): string | null {
  if (request.token) return request.token;
  const fromQuery = new URLSearchParams(request.query ?? '').get('token');
  if (fromQuery) return fromQuery;
  return request.password || null;
}

function onlyStrings(raw: MediaAuthRequest): MediaAuthRequest {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => typeof entry === 'string')) as MediaAuthRequest;
}
