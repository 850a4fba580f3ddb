import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AccessTokenClaims, Principal } from './principal';
import { JwtAuthOptions } from './jwt-auth.options';

/** Verifies access tokens locally with the shared secret; no call to the api. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(options: JwtAuthOptions) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: options.secret,
      issuer: options.issuer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): Principal | false {
    if (claims.typ !== 'access') return false;
    return { id: claims.sub, role: claims.role, email: claims.email, kind: 'user' };
  }
}
