import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { BearerSubjectVerifier } from '@vms/platform';
import type { AccessTokenClaims } from './principal';

@Injectable()
export class JwtBearerSubjectVerifier extends BearerSubjectVerifier {
  constructor(private readonly jwt: JwtService) {
    super();
  }

  subjectOf(token: string): string | null {
    try {
      return this.jwt.verify<AccessTokenClaims>(token).sub;
    } catch {
      return null;
    }
  }
}
