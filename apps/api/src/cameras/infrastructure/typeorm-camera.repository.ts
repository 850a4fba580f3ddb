import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { OutboxWriter } from '@vms/platform';
import { Camera } from '../domain/camera';
import { CameraSource } from '../domain/camera-source';
import { CameraRepository, OutgoingEvent } from '../domain/camera.repository';
import { CameraErrors } from '../domain/camera.errors';
import { CameraOrmEntity } from './camera.orm-entity';
import { CredentialCipher } from './credential-cipher';

@Injectable()
export class TypeormCameraRepository extends CameraRepository {
  constructor(
    @InjectRepository(CameraOrmEntity) private readonly cameras: Repository<CameraOrmEntity>,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly cipher: CredentialCipher,
  ) {
    super();
  }

  async findById(id: string) {
    const row = await this.cameras.findOneBy({ id });
    return row ? this.toDomain(row) : null;
  }

  async list() {
    return (await this.cameras.find({ order: { name: 'ASC' } })).map((row) => this.toDomain(row));
  }

  async existingIds(ids: string[]) {
    if (ids.length === 0) return new Set<string>();
    const rows = await this.cameras.find({ select: { id: true }, where: { id: In(ids) } });
    return new Set(rows.map((row) => row.id));
  }

  async nameTaken(name: string, exceptId?: string) {
    const query = this.cameras.createQueryBuilder('camera').where('lower(camera.name) = lower(:name)', { name });
    if (exceptId) query.andWhere('camera.id <> :exceptId', { exceptId });
    return (await query.getCount()) > 0;
  }

  async save(camera: Camera, events: OutgoingEvent[]) {
    try {
      await this.dataSource.transaction(async (manager) => {
        const stored = await manager.findOne(CameraOrmEntity, {
          select: { id: true, status: true, lastError: true, statusChangedAt: true },
          where: { id: camera.id },
          lock: { mode: 'pessimistic_write' },
        });
        // A status reported since the camera was read is newer than the one it was read with: keep it.
        if (stored && stored.statusChangedAt > camera.statusChangedAt) {
          camera.reportStatus(stored.status, stored.lastError, stored.statusChangedAt);
        }
        await manager.save(CameraOrmEntity, this.toRow(camera));
        for (const event of events) await this.outbox.add(manager, event.routingKey, event.data, camera.id);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_cameras_name')) throw CameraErrors.nameTaken();
      throw error;
    }
  }

  async delete(camera: Camera, events: OutgoingEvent[]) {
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(CameraOrmEntity, { id: camera.id });
      for (const event of events) await this.outbox.add(manager, event.routingKey, event.data, camera.id);
    });
  }

  async saveStatus(camera: Camera) {
    const { id, status, lastError, statusChangedAt } = camera.snapshot();
    const result = await this.cameras
      .createQueryBuilder()
      .update(CameraOrmEntity)
      .set({ status, lastError, statusChangedAt, updatedAt: () => 'updated_at' })
      .where('id = :id AND status_changed_at <= :statusChangedAt', { id, statusChangedAt })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  private toRow(camera: Camera): CameraOrmEntity {
    const state = camera.snapshot();
    return {
      id: state.id,
      name: state.name,
      description: state.description,
      latitude: state.location?.lat ?? null,
      longitude: state.location?.lng ?? null,
      sourceUrl: state.source.url,
      credentialsEncrypted: state.credentials ? this.cipher.encrypt(state.credentials) : null,
      enabled: state.enabled,
      aiEnabled: state.ai.enabled,
      aiClasses: state.ai.classes,
      aiMinConfidence: state.ai.minConfidence,
      aiRoi: state.ai.roi,
      status: state.status,
      lastError: state.lastError,
      statusChangedAt: state.statusChangedAt,
      revision: state.revision,
      createdAt: state.createdAt,
      updatedAt: state.updatedAt,
    };
  }

  private toDomain(row: CameraOrmEntity): Camera {
    return Camera.restore({
      id: row.id,
      name: row.name,
      description: row.description,
      location: row.latitude === null || row.longitude === null ? null : { lat: row.latitude, lng: row.longitude },
      source: CameraSource.restore(row.sourceUrl),
      credentials: row.credentialsEncrypted ? this.cipher.decrypt(row.credentialsEncrypted) : null,
      enabled: row.enabled,
      ai: { enabled: row.aiEnabled, classes: row.aiClasses, minConfidence: row.aiMinConfidence, roi: row.aiRoi },
      status: row.status,
      lastError: row.lastError,
      statusChangedAt: row.statusChangedAt,
      revision: row.revision,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
