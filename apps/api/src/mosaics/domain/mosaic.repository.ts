import type { Mosaic } from './mosaic';

export abstract class MosaicRepository {
  abstract findById(id: string): Promise<Mosaic | null>;
  abstract listByOwner(ownerId: string): Promise<Mosaic[]>;
  abstract save(mosaic: Mosaic): Promise<void>;
  abstract delete(id: string): Promise<void>;
}
