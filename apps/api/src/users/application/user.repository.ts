import type { UserOrmEntity } from '../infrastructure/user.orm-entity';

export type User = UserOrmEntity;

export abstract class UserRepository {
  abstract findById(id: string): Promise<User | null>;
  abstract findByEmail(email: string): Promise<User | null>;
  abstract list(): Promise<User[]>;
  abstract countByRole(role: User['role'], excludeDisabled: boolean): Promise<number>;
  abstract save(user: User): Promise<User>;
  abstract delete(id: string): Promise<void>;
}
