import { MediaServer, PathSpec, PathState } from '../../media-server/media-server.port';
import type { CameraStreamConfig } from '../domain/camera-stream';
import { CameraRegistry } from './camera-registry';
import { ProvisioningService } from './provisioning.service';

/** An in-memory media server recording calls: a stand-in for our own port, not for infrastructure. */
class RecordingMediaServer extends MediaServer {
  readonly kind = 'embedded' as const;
  readonly paths = new Map<string, PathSpec>();
  readonly calls: string[] = [];
  async upsertPath(spec: PathSpec) {
    this.calls.push(`upsert ${spec.name}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.paths.set(spec.name, spec);
  }
  async deletePath(name: string) {
    this.calls.push(`delete ${name}`);
    this.paths.delete(name);
  }
  async listPaths() {
    return [...this.paths.keys()];
  }
  async pathStates(): Promise<PathState[]> {
    return [];
  }
}

const camera = (overrides: Partial<CameraStreamConfig> = {}): CameraStreamConfig => ({
  cameraId: '11111111-1111-4111-8111-111111111111',
  streamPath: 'cam_11111111-1111-4111-8111-111111111111',
  enabled: true,
  revision: 1,
  source: { url: 'rtsp://127.0.0.1:8554/live', credentials: null },
  ...overrides,
});

describe('ProvisioningService', () => {
  let media: RecordingMediaServer;
  let service: ProvisioningService;

  beforeEach(() => {
    media = new RecordingMediaServer();
    service = new ProvisioningService(media, new CameraRegistry());
  });

  it('creates the path of an enabled camera once, however often it is provisioned', async () => {
    await Promise.all([service.provision(camera()), service.provision(camera()), service.provision(camera())]);
    await service.provision(camera());
    expect(media.calls).toEqual(['upsert cam_11111111-1111-4111-8111-111111111111']);
    expect(media.paths.size).toBe(1);
  });

  it('replaces the path when the source changes, and ignores an older revision arriving late', async () => {
    await service.provision(camera());
    await service.provision(camera({ revision: 3, source: { url: 'rtsp://127.0.0.1:8554/other', credentials: null } }));
    await service.provision(camera({ revision: 2, source: { url: 'rtsp://127.0.0.1:8554/stale', credentials: null } }));
    expect([...media.paths.values()][0].source.url).toBe('rtsp://127.0.0.1:8554/other');
    expect(media.calls.filter((call) => call.startsWith('upsert'))).toHaveLength(2);
  });

  it('removes the path of a disabled or deleted camera', async () => {
    await service.provision(camera());
    await service.provision(camera({ revision: 2, enabled: false }));
    expect(media.paths.size).toBe(0);
    await service.provision(camera({ revision: 3 }));
    await service.deprovision(camera().cameraId, camera().streamPath);
    expect(media.paths.size).toBe(0);
  });

  it('re-applies a path it was told to forget (after the media server lost it)', async () => {
    await service.provision(camera());
    media.paths.clear();
    service.forget(camera().streamPath);
    await service.provision(camera());
    expect(media.paths.size).toBe(1);
  });
});
