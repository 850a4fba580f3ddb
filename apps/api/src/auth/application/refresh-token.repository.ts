import type { RefreshTokenOrmEntity } from '../infrastructure/refresh-token.orm-entity';

export type RefreshTokenRecord = RefreshTokenOrmEntity;

export abstract class RefreshTokenRepository {
  abstract insert(record: Omit<RefreshTokenRecord, 'createdAt' | 'usedAt' | 'revokedAt'>): Promise<void>;
  abstract findById(id: string): Promise<RefreshTokenRecord | null>;
  /** Marks the token used if it was still live; false when someone used it first. */
  abstract markUsed(id: string): Promise<boolean>;
  abstract revokeFamily(familyId: string): Promise<void>;
  abstract revokeAllForUser(userId: string): Promise<void>;
}
