import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Role } from '@vms/auth';
import { RefreshTokenRepository } from '../../auth/application/refresh-token.repository';
import { PasswordHasher } from './password-hasher';
import { UserErrors } from './user.errors';
import { User, UserRepository } from './user.repository';

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  displayName?: string;
}

export interface UserChanges {
  role?: Role;
  displayName?: string;
  password?: string;
  disabled?: boolean;
}

/** Admin management of user accounts. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  list(): Promise<User[]> {
    return this.users.list();
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw UserErrors.notFound();
    return user;
  }

  async create(input: NewUser): Promise<User> {
    if (await this.users.findByEmail(input.email)) throw UserErrors.emailTaken();
    return this.users.save({
      id: randomUUID(),
      email: input.email.trim().toLowerCase(),
      passwordHash: await this.hasher.hash(input.password),
      role: input.role,
      displayName: input.displayName?.trim() || input.email.split('@')[0],
      disabled: false,
    } as User);
  }

  async update(id: string, changes: UserChanges): Promise<User> {
    const user = await this.get(id);
    const losesAdmin = user.role === 'admin' && !user.disabled &&
      ((changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true);
    if (losesAdmin) await this.ensureAnotherActiveAdmin();
    if (changes.role !== undefined) user.role = changes.role;
    if (changes.displayName !== undefined) user.displayName = changes.displayName.trim();
    if (changes.disabled !== undefined) user.disabled = changes.disabled;
    if (changes.password !== undefined) user.passwordHash = await this.hasher.hash(changes.password);
    const saved = await this.users.save(user);
    if (changes.disabled || changes.password !== undefined || changes.role !== undefined) {
      await this.refreshTokens.revokeAllForUser(id);
    }
    return saved;
  }

  async delete(id: string, actingUserId: string): Promise<void> {
    if (id === actingUserId) throw UserErrors.cannotDeleteSelf();
    const user = await this.get(id);
    if (user.role === 'admin' && !user.disabled) await this.ensureAnotherActiveAdmin();
    await this.users.delete(id);
  }

  private async ensureAnotherActiveAdmin(): Promise<void> {
    if ((await this.users.countByRole('admin', true)) <= 1) throw UserErrors.lastAdmin();
  }
}
