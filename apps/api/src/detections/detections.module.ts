import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotentHandler } from '@vms/platform';
import { DetectionRepository } from './application/detection.repository';
import { DetectionsService } from './application/detections.service';
import { DetectionOrmEntity } from './infrastructure/detection.orm-entity';
import { TypeormDetectionRepository } from './infrastructure/typeorm-detection.repository';
import { DetectionCreatedConsumer } from './interface/detection-created.consumer';
import { DetectionsController } from './interface/detections.controller';

@Module({
  imports: [TypeOrmModule.forFeature([DetectionOrmEntity])],
  controllers: [DetectionsController],
  providers: [
    DetectionsService,
    DetectionCreatedConsumer,
    IdempotentHandler,
    { provide: DetectionRepository, useClass: TypeormDetectionRepository },
  ],
  exports: [DetectionsService],
})
export class DetectionsModule {}
