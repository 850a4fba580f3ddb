import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyAuthenticator } from '@vms/auth';
import { UsersModule } from '../users/users.module';
import { ApiKeyRepository } from './application/api-key.repository';
import { ApiKeysService } from './application/api-keys.service';
import { AuthService } from './application/auth.service';
import { ApiKeyOrmEntity } from './infrastructure/api-key.orm-entity';
import { TypeormApiKeyRepository } from './infrastructure/typeorm-api-key.repository';
import { ApiKeysController } from './interface/api-keys.controller';
import { AuthController } from './interface/auth.controller';

/** Login, refresh-token rotation and integrator API keys. Global so the auth guard can verify keys. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyOrmEntity]), UsersModule],
  controllers: [AuthController, ApiKeysController],
  providers: [
    AuthService,
    ApiKeysService,
    { provide: ApiKeyRepository, useClass: TypeormApiKeyRepository },
    { provide: ApiKeyAuthenticator, useExisting: ApiKeysService },
  ],
  exports: [ApiKeyAuthenticator],
})
export class AuthModule {}
