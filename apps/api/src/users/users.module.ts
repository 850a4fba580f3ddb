import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefreshTokenRepository } from '../auth/application/refresh-token.repository';
import { RefreshTokenOrmEntity } from '../auth/infrastructure/refresh-token.orm-entity';
import { TypeormRefreshTokenRepository } from '../auth/infrastructure/typeorm-refresh-token.repository';
import { FirstAdminBootstrap } from './application/first-admin.bootstrap';
import { PasswordHasher } from './application/password-hasher';
import { UserRepository } from './application/user.repository';
import { UsersService } from './application/users.service';
import { TypeormUserRepository } from './infrastructure/typeorm-user.repository';
import { UserOrmEntity } from './infrastructure/user.orm-entity';
import { UsersController } from './interface/users.controller';

@Module({
  imports: [TypeOrmModule.forFeature([UserOrmEntity, RefreshTokenOrmEntity])],
  controllers: [UsersController],
  providers: [
    UsersService,
    PasswordHasher,
    FirstAdminBootstrap,
    { provide: UserRepository, useClass: TypeormUserRepository },
    { provide: RefreshTokenRepository, useClass: TypeormRefreshTokenRepository },
  ],
  exports: [UsersService, UserRepository, PasswordHasher, RefreshTokenRepository],
})
export class UsersModule {}
