import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CamerasService } from '../../cameras/application/cameras.service';
import { Layout, Mosaic, MosaicErrors, Tile } from '../domain/mosaic';
import { MosaicRepository } from '../domain/mosaic.repository';

/** Each user's own mosaics; another user's mosaic is reported as not found. */
@Injectable()
export class MosaicsService {
  constructor(private readonly mosaics: MosaicRepository, private readonly cameras: CamerasService) {}

  list(ownerId: string): Promise<Mosaic[]> {
    return this.mosaics.listByOwner(ownerId);
  }

  async get(id: string, ownerId: string): Promise<Mosaic> {
    const mosaic = await this.mosaics.findById(id);
    if (!mosaic || !mosaic.isOwnedBy(ownerId)) throw MosaicErrors.notFound();
    return mosaic;
  }

  async create(ownerId: string, input: { name: string; layout: Layout; tiles: Tile[] }): Promise<Mosaic> {
    const mosaic = Mosaic.create(randomUUID(), ownerId, input.name, input.layout, input.tiles);
    await this.assertCamerasExist(mosaic);
    await this.mosaics.save(mosaic);
    return mosaic;
  }

  async update(id: string, ownerId: string, changes: { name?: string; layout?: Layout; tiles?: Tile[] }): Promise<Mosaic> {
    const mosaic = await this.get(id, ownerId);
    mosaic.change(changes);
    await this.assertCamerasExist(mosaic);
    await this.mosaics.save(mosaic);
    return mosaic;
  }

  async delete(id: string, ownerId: string): Promise<void> {
    await this.get(id, ownerId);
    await this.mosaics.delete(id);
  }

  private async assertCamerasExist(mosaic: Mosaic): Promise<void> {
    const wanted = mosaic.cameraIds();
    const existing = await this.cameras.existingIds(wanted);
    const missing = wanted.filter((id) => !existing.has(id));
    if (missing.length > 0) throw MosaicErrors.cameraUnknown(missing);
  }
}
