import type { ApiKeyOrmEntity } from '../infrastructure/api-key.orm-entity';

export type ApiKeyRecord = ApiKeyOrmEntity;

export abstract class ApiKeyRepository {
  abstract insert(record: Pick<ApiKeyRecord, 'id' | 'name' | 'keyHash' | 'createdBy'>): Promise<ApiKeyRecord>;
  abstract findById(id: string): Promise<ApiKeyRecord | null>;
  abstract list(): Promise<ApiKeyRecord[]>;
  abstract revoke(id: string): Promise<boolean>;
  /** Records use, at most once per `minIntervalMs` so that busy keys do not write on every request. */
  abstract touch(id: string, minIntervalMs: number): Promise<void>;
}
