import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { ApiKeyRecord, ApiKeyRepository } from '../application/api-key.repository';
import { ApiKeyOrmEntity } from './api-key.orm-entity';

@Injectable()
export class TypeormApiKeyRepository extends ApiKeyRepository {
  constructor(@InjectRepository(ApiKeyOrmEntity) private readonly keys: Repository<ApiKeyOrmEntity>) {
    super();
  }

  async insert(record: Pick<ApiKeyRecord, 'id' | 'name' | 'keyHash' | 'createdBy'>) {
    await this.keys.insert(record);
    return (await this.keys.findOneBy({ id: record.id }))!;
  }

  findById(id: string) {
    return this.keys.findOneBy({ id });
  }

  list() {
    return this.keys.find({ order: { createdAt: 'DESC' } });
  }

  async revoke(id: string) {
    const result = await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) === 1;
  }

  async touch(id: string, minIntervalMs: number) {
    await this.keys
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()' })
      .where('id = :id', { id })
      // Not named `interval`: TypeORM would read the `::interval` cast as that parameter and break the SQL.
      .andWhere(`(last_used_at IS NULL OR last_used_at < now() - (:minIntervalMs || ' milliseconds')::interval)`, { minIntervalMs })
      .execute();
  }
}
