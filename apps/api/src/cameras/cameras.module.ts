import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CameraCache } from './application/camera-cache';
import { CamerasService } from './application/cameras.service';
import { CameraRepository } from './domain/camera.repository';
import { SourceNetworkPolicy } from './domain/source-network-policy';
import { CameraOrmEntity } from './infrastructure/camera.orm-entity';
import { CredentialCipher } from './infrastructure/credential-cipher';
import { DnsSourceNetworkPolicy } from './infrastructure/dns-source-network.policy';
import { RedisCameraCache } from './infrastructure/redis-camera.cache';
import { TypeormCameraRepository } from './infrastructure/typeorm-camera.repository';
import { CamerasController } from './interface/cameras.controller';

@Module({
  imports: [TypeOrmModule.forFeature([CameraOrmEntity])],
  controllers: [CamerasController],
  providers: [
    CamerasService,
    CredentialCipher,
    { provide: CameraRepository, useClass: TypeormCameraRepository },
    { provide: CameraCache, useClass: RedisCameraCache },
    { provide: SourceNetworkPolicy, useClass: DnsSourceNetworkPolicy },
  ],
  exports: [CamerasService],
})
export class CamerasModule {}
