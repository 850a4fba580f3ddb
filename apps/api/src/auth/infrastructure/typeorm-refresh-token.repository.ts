import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { RefreshTokenRecord, RefreshTokenRepository } from '../application/refresh-token.repository';
import { RefreshTokenOrmEntity } from './refresh-token.orm-entity';

@Injectable()
export class TypeormRefreshTokenRepository extends RefreshTokenRepository {
  constructor(@InjectRepository(RefreshTokenOrmEntity) private readonly tokens: Repository<RefreshTokenOrmEntity>) {
    super();
  }

  async insert(record: Omit<RefreshTokenRecord, 'createdAt' | 'usedAt' | 'revokedAt'>) {
    await this.tokens.insert(record);
  }

  findById(id: string) {
    return this.tokens.findOneBy({ id });
  }

  async markUsed(id: string) {
    const result = await this.tokens.update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: new Date() });
    return (result.affected ?? 0) === 1;
  }

  async revokeFamily(familyId: string) {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllForUser(userId: string) {
    await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
