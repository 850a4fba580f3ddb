import { Injectable } from '@nestjs/common';
import { StreamingEnv } from '../../streaming.env';
import { StreamTokenService } from './stream-token.service';

export interface StreamUrls {
  hls: string;
  whep: string | null;
}

/** Public URLs of a camera's stream, as browsers reach them through HAProxy. */
@Injectable()
export class StreamUrlsService {
  constructor(private readonly env: StreamingEnv, private readonly tokens: StreamTokenService) {}

  publicUrls(streamPath: string, token?: string): StreamUrls {
    const query = token ? `?token=${encodeURIComponent(token)}` : '';
    return {
      hls: `${this.env.PUBLIC_HLS_BASE}/${streamPath}/index.m3u8${query}`,
      whep: this.env.MEDIA_SERVER === 'mediamtx' ? `/webrtc/${streamPath}/whep${query}` : null,
    };
  }

  /** URLs carrying a fresh token scoped to this stream. */
  signedUrls(principalId: string, streamPath: string) {
    const { token, expiresAt } = this.tokens.issue(principalId, streamPath);
    return { token, expiresAt: expiresAt.toISOString(), ...this.publicUrls(streamPath, token) };
  }
}
