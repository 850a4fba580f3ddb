import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InternalTokenGuard, InternalTokenSecret } from '@vms/auth';
import { IdempotentHandler } from '@vms/platform';
import { ApiEnv } from '../api.env';
import { CameraCache } from './application/camera-cache';
import { CameraStatusService } from './application/camera-status.service';
import { CamerasService } from './application/cameras.service';
import { ConnectionTestService } from './application/connection-test.service';
import { SourceChecker } from './application/source-checker';
import { StreamProvisioner } from './application/stream-provisioner';
import { CameraRepository } from './domain/camera.repository';
import { SourceNetworkPolicy } from './domain/source-network-policy';
import { CameraOrmEntity } from './infrastructure/camera.orm-entity';
import { CredentialCipher } from './infrastructure/credential-cipher';
import { DnsSourceNetworkPolicy } from './infrastructure/dns-source-network.policy';
import { RedisCameraCache } from './infrastructure/redis-camera.cache';
import { StreamingProvisioningClient } from './infrastructure/streaming-provisioning.client';
import { StreamingSourceCheckClient } from './infrastructure/streaming-source-check.client';
import { TypeormCameraRepository } from './infrastructure/typeorm-camera.repository';
import { CameraConnectionTestController } from './interface/camera-connection-test.controller';
import { CameraStatusConsumer } from './interface/camera-status.consumer';
import { CamerasController } from './interface/cameras.controller';
import { InternalCamerasController } from './interface/internal-cameras.controller';

@Module({
  imports: [TypeOrmModule.forFeature([CameraOrmEntity])],
  controllers: [CamerasController, CameraConnectionTestController, InternalCamerasController],
  providers: [
    CamerasService,
    CameraStatusService,
    CameraStatusConsumer,
    ConnectionTestService,
    CredentialCipher,
    IdempotentHandler,
    InternalTokenGuard,
    { provide: CameraRepository, useClass: TypeormCameraRepository },
    { provide: CameraCache, useClass: RedisCameraCache },
    { provide: SourceNetworkPolicy, useClass: DnsSourceNetworkPolicy },
    { provide: StreamProvisioner, useClass: StreamingProvisioningClient },
    { provide: SourceChecker, useClass: StreamingSourceCheckClient },
    { provide: InternalTokenSecret, useFactory: (env: ApiEnv) => ({ value: env.STREAMING_INTERNAL_TOKEN }), inject: [ApiEnv] },
  ],
  exports: [CamerasService],
})
export class CamerasModule {}
