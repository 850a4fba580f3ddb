import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CamerasModule } from '../cameras/cameras.module';
import { MosaicsService } from './application/mosaics.service';
import { MosaicRepository } from './domain/mosaic.repository';
import { MosaicOrmEntity, MosaicTileOrmEntity } from './infrastructure/mosaic.orm-entity';
import { TypeormMosaicRepository } from './infrastructure/typeorm-mosaic.repository';
import { MosaicsController } from './interface/mosaics.controller';

@Module({
  imports: [TypeOrmModule.forFeature([MosaicOrmEntity, MosaicTileOrmEntity]), CamerasModule],
  controllers: [MosaicsController],
  providers: [MosaicsService, { provide: MosaicRepository, useClass: TypeormMosaicRepository }],
})
export class MosaicsModule {}
