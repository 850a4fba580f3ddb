import { Module } from '@nestjs/common';
import { InternalTokenGuard, InternalTokenSecret } from '@vms/auth';
import { mediaServerProvider } from '../media-server/media-server.provider';
import { StreamAccessPolicy } from '../media-server/media-server.port';
import { StreamingEnv } from '../streaming.env';
import { CameraDirectory } from './application/camera-directory';
import { CameraRegistry } from './application/camera-registry';
import { MediaAuthorizer } from './application/media-authorizer.service';
import { ProvisioningService } from './application/provisioning.service';
import { Reconciler } from './application/reconciler.service';
import { SnapshotService } from './application/snapshot.service';
import { SourceCheckService } from './application/source-check.service';
import { SourceInspector } from './application/source-inspector';
import { StatusMonitor } from './application/status-monitor.service';
import { StreamCatalog } from './application/stream-catalog.service';
import { StreamTokenService } from './application/stream-token.service';
import { StreamUrlsService } from './application/stream-urls.service';
import { TokenStreamAccessPolicy } from './application/token-stream-access.policy';
import { ApiCameraDirectory } from './infrastructure/api-camera-directory';
import { FfmpegSourceInspector } from './infrastructure/ffmpeg-source-inspector';
import { CameraEventsConsumer } from './interface/camera-events.consumer';
import { CameraSnapshotController } from './interface/camera-snapshot.controller';
import { InternalCamerasController } from './interface/internal-cameras.controller';
import { InternalSourceChecksController } from './interface/internal-source-checks.controller';
import { MediaAuthController } from './interface/media-auth.controller';
import { StreamUrlsController } from './interface/stream-urls.controller';

@Module({
  controllers: [StreamUrlsController, CameraSnapshotController, InternalCamerasController, InternalSourceChecksController, MediaAuthController],
  providers: [
    mediaServerProvider,
    StreamTokenService,
    { provide: StreamAccessPolicy, useClass: TokenStreamAccessPolicy },
    CameraRegistry,
    ProvisioningService,
    Reconciler,
    StatusMonitor,
    StreamCatalog,
    StreamUrlsService,
    MediaAuthorizer,
    CameraEventsConsumer,
    SourceCheckService,
    SnapshotService,
    { provide: SourceInspector, useClass: FfmpegSourceInspector },
    InternalTokenGuard,
    { provide: CameraDirectory, useClass: ApiCameraDirectory },
    { provide: InternalTokenSecret, useFactory: (env: StreamingEnv) => ({ value: env.STREAMING_INTERNAL_TOKEN }), inject: [StreamingEnv] },
  ],
  exports: [Reconciler, StatusMonitor, ProvisioningService],
})
export class StreamsModule {}
