import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Mosaic, MosaicErrors } from '../domain/mosaic';
import { MosaicRepository } from '../domain/mosaic.repository';
import { MosaicOrmEntity, MosaicTileOrmEntity } from './mosaic.orm-entity';

@Injectable()
export class TypeormMosaicRepository extends MosaicRepository {
  constructor(
    @InjectRepository(MosaicOrmEntity) private readonly mosaics: Repository<MosaicOrmEntity>,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  async findById(id: string) {
    const row = await this.mosaics.findOneBy({ id });
    return row ? toDomain(row) : null;
  }

  async listByOwner(ownerId: string) {
    return (await this.mosaics.find({ where: { ownerId }, order: { name: 'ASC' } })).map(toDomain);
  }

  async save(mosaic: Mosaic) {
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.upsert(
          MosaicOrmEntity,
          { id: mosaic.id, ownerId: mosaic.ownerId, name: mosaic.name, layout: mosaic.layout, createdAt: mosaic.createdAt, updatedAt: mosaic.updatedAt },
          ['id'],
        );
        await manager.delete(MosaicTileOrmEntity, { mosaicId: mosaic.id });
        if (mosaic.tiles.length > 0) {
          await manager.insert(MosaicTileOrmEntity, mosaic.tiles.map((tile) => ({ mosaicId: mosaic.id, ...tile })));
        }
      });
    } catch (error) {
      const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (driverError?.code === '23505' && driverError.constraint === 'uq_mosaics_owner_name') throw MosaicErrors.nameTaken();
      if (driverError?.code === '23503' && driverError.constraint === 'fk_mosaic_tiles_camera') throw MosaicErrors.cameraUnknown([]);
      throw error;
    }
  }

  async delete(id: string) {
    await this.mosaics.delete({ id });
  }
}

function toDomain(row: MosaicOrmEntity): Mosaic {
  return Mosaic.restore({
    id: row.id,
    ownerId: row.ownerId,
    name: row.name,
    layout: row.layout,
    tiles: (row.tiles ?? []).map((tile) => ({ position: tile.position, cameraId: tile.cameraId })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}
