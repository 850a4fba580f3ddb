import type { DataSourceOptions } from 'typeorm';
import { OutboxEventOrmEntity, ProcessedEventOrmEntity } from '@vms/platform';
import { ApiKeyOrmEntity } from '../auth/infrastructure/api-key.orm-entity';
import { RefreshTokenOrmEntity } from '../auth/infrastructure/refresh-token.orm-entity';
import { CameraOrmEntity } from '../cameras/infrastructure/camera.orm-entity';
import { DetectionOrmEntity } from '../detections/infrastructure/detection.orm-entity';
import { MosaicOrmEntity, MosaicTileOrmEntity } from '../mosaics/infrastructure/mosaic.orm-entity';
import { UserOrmEntity } from '../users/infrastructure/user.orm-entity';
import { InitialSchema1763700000000 } from './migrations/1763700000000-initial-schema';
import { CameraStatusChangedAt1795200000000 } from './migrations/1795200000000-camera-status-changed-at';
import { Detections1795300000000 } from './migrations/1795300000000-detections';

export const API_ENTITIES = [
  UserOrmEntity, RefreshTokenOrmEntity, ApiKeyOrmEntity, CameraOrmEntity, MosaicOrmEntity, MosaicTileOrmEntity,
  DetectionOrmEntity, OutboxEventOrmEntity, ProcessedEventOrmEntity,
];

export const API_MIGRATIONS = [InitialSchema1763700000000, CameraStatusChangedAt1795200000000, Detections1795300000000];

/** Connection options shared by the app and `npm run migrate`; the schema only ever changes through migrations. */
export function apiDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: API_ENTITIES,
    migrations: API_MIGRATIONS,
    migrationsTableName: 'api_migrations',
    synchronize: false,
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
