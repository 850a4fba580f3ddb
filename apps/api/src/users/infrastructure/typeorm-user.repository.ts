import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User, UserRepository } from '../application/user.repository';
import { UserOrmEntity } from './user.orm-entity';

@Injectable()
export class TypeormUserRepository extends UserRepository {
  constructor(@InjectRepository(UserOrmEntity) private readonly users: Repository<UserOrmEntity>) {
    super();
  }

  findById(id: string) {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string) {
    return this.users.createQueryBuilder('user').where('lower(user.email) = lower(:email)', { email }).getOne();
  }

  list() {
    return this.users.find({ order: { email: 'ASC' } });
  }

  countByRole(role: User['role'], excludeDisabled: boolean) {
    return this.users.countBy(excludeDisabled ? { role, disabled: false } : { role });
  }

  save(user: User) {
    return this.users.save(user);
  }

  async delete(id: string) {
    await this.users.delete({ id });
  }
}
