import { Injectable } from '@nestjs/common';
import { StreamAccessPolicy } from '../../media-server/media-server.port';
import { StreamTokenService } from './stream-token.service';

@Injectable()
export class TokenStreamAccessPolicy extends StreamAccessPolicy {
  constructor(private readonly tokens: StreamTokenService) {
    super();
  }

  canRead(pathName: string, token: string | null): boolean {
    return this.tokens.allows(token, pathName);
  }
}
