import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { StreamingEnv } from '../../streaming.env';

interface StreamTokenClaims {
  sub: string;
  typ: 'stream';
  path: string;
}

export interface IssuedStreamToken {
  token: string;
  expiresAt: Date;
}

/** Short-lived tokens that let their bearer read one camera's stream, and nothing else. */
@Injectable()
export class StreamTokenService {
  constructor(private readonly jwt: JwtService, private readonly env: StreamingEnv) {}

  issue(principalId: string, streamPath: string): IssuedStreamToken {
    const claims: StreamTokenClaims = { sub: principalId, typ: 'stream', path: streamPath };
    const token = this.jwt.sign(claims, { expiresIn: this.env.STREAM_TOKEN_TTL_SECONDS });
    return { token, expiresAt: new Date(Date.now() + this.env.STREAM_TOKEN_TTL_SECONDS * 1000) };
  }

  /** True when the token is valid, unexpired, a stream token, and scoped to exactly this path. */
  allows(token: string | null, streamPath: string): boolean {
    if (!token) return false;
    try {
      const claims = this.jwt.verify<StreamTokenClaims>(token);
      return claims.typ === 'stream' && claims.path === streamPath;
    } catch {
      return false;
    }
  }
}
