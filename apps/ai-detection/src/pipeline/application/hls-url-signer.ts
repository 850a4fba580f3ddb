import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AiDetectionEnv } from '../../ai-detection.env';

const TOKEN_TTL_SECONDS = 24 * 3600;
/** Tokens are renewed well before they expire (the decoder restarts with the new URL). */
export const TOKEN_RENEW_MS = 12 * 3600 * 1000;

/** The URL the AI reads a camera's HLS from, with a stream token of its own (same signing key as the streaming service). */
@Injectable()
export class HlsUrlSigner {
  private readonly issued = new Map<string, { url: string; at: number }>();

  constructor(private readonly jwt: JwtService, private readonly env: AiDetectionEnv) {}

  urlFor(streamPath: string, now = Date.now()): string {
    const known = this.issued.get(streamPath);
    if (known && now - known.at < TOKEN_RENEW_MS) return known.url;
    const token = this.jwt.sign({ sub: 'ai-detection', typ: 'stream', path: streamPath }, { expiresIn: TOKEN_TTL_SECONDS });
    const url = `${this.env.MEDIA_HLS_URL.replace(/\/$/, '')}/${streamPath}/index.m3u8?token=${encodeURIComponent(token)}`;
    this.issued.set(streamPath, { url, at: now });
    return url;
  }
}
