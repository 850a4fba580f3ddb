import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { AccessTokenClaims } from '@vms/auth';
import { ApiEnv } from '../../api.env';
import { PasswordHasher } from '../../users/application/password-hasher';
import { User, UserRepository } from '../../users/application/user.repository';
import { AuthErrors } from './auth.errors';
import { hashSecret, newSecret, parseOpaqueToken, secretMatches } from './opaque-token';
import { RefreshTokenRepository } from './refresh-token.repository';

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

/** A hash to verify against when the email is unknown, so both paths take the same time. */
const DUMMY_HASH_SOURCE = 'timing-equaliser-password';

/**
 * Login and rotating refresh tokens. Each refresh consumes its token and issues the next one
 * in the same family; presenting a consumed token revokes the whole family.
 */
@Injectable()
export class AuthService {
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly jwt: JwtService,
    private readonly env: ApiEnv,
  ) {}

  async login(email: string, password: string): Promise<Session> {
    const user = await this.users.findByEmail(email);
    if (!user || user.disabled) {
      this.dummyHash ??= this.hasher.hash(DUMMY_HASH_SOURCE);
      await this.hasher.verify(await this.dummyHash, password);
      throw AuthErrors.invalidCredentials();
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) throw AuthErrors.invalidCredentials();
    return this.startSession(user, randomUUID());
  }

  async refresh(rawRefreshToken: string): Promise<Session> {
    const token = parseOpaqueToken(rawRefreshToken);
    if (!token) throw AuthErrors.refreshTokenInvalid();
    const record = await this.refreshTokens.findById(token.id);
    if (!record || !secretMatches(token.secret, record.tokenHash)) throw AuthErrors.refreshTokenInvalid();
    if (record.revokedAt) throw AuthErrors.refreshTokenInvalid();
    if (record.usedAt || !(await this.refreshTokens.markUsed(record.id))) {
      await this.refreshTokens.revokeFamily(record.familyId);
      throw AuthErrors.refreshTokenReused();
    }
    if (record.expiresAt.getTime() <= Date.now()) throw AuthErrors.refreshTokenInvalid();
    const user = await this.users.findById(record.userId);
    if (!user || user.disabled) {
      await this.refreshTokens.revokeFamily(record.familyId);
      throw AuthErrors.refreshTokenInvalid();
    }
    return this.startSession(user, record.familyId);
  }

  async logout(rawRefreshToken: string): Promise<void> {
    const token = parseOpaqueToken(rawRefreshToken);
    if (!token) return;
    const record = await this.refreshTokens.findById(token.id);
    if (record && secretMatches(token.secret, record.tokenHash)) await this.refreshTokens.revokeFamily(record.familyId);
  }

  private async startSession(user: User, familyId: string): Promise<Session> {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, email: user.email, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.env.JWT_ACCESS_TTL_SECONDS });
    const id = randomUUID();
    const secret = newSecret();
    await this.refreshTokens.insert({
      id,
      userId: user.id,
      familyId,
      tokenHash: hashSecret(secret),
      expiresAt: new Date(Date.now() + this.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    return { accessToken, refreshToken: `${id}.${secret}`, expiresIn: this.env.JWT_ACCESS_TTL_SECONDS, user };
  }
}
