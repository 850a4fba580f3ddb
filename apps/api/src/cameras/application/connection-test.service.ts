import { Injectable } from '@nestjs/common';
import { Camera, CameraChanges, resolveSource } from '../domain/camera';
import type { CameraCredentials, CameraSource } from '../domain/camera-source';
import { CameraErrors } from '../domain/camera.errors';
import { CameraRepository } from '../domain/camera.repository';
import { SourceNetworkPolicy } from '../domain/source-network-policy';
import { ConnectionTestResult, SourceChecker } from './source-checker';

export type SourceChanges = Pick<CameraChanges, 'sourceUrl' | 'credentials'>;

/**
 * "Test connection": the source goes through the same rules as a camera write (URL, credentials,
 * network policy), then the streaming service probes it once. Nothing is saved.
 */
@Injectable()
export class ConnectionTestService {
  constructor(
    private readonly cameras: CameraRepository,
    private readonly networkPolicy: SourceNetworkPolicy,
    private readonly checker: SourceChecker,
  ) {}

  /** A source about to become a camera. */
  async testSource(sourceUrl: string, credentials: CameraCredentials | null): Promise<ConnectionTestResult> {
    const resolved = resolveSource(sourceUrl, credentials);
    return this.probe(resolved.source, resolved.credentials);
  }

  /** A saved camera's source and stored credentials, with the changes an edit form holds applied as PATCH would. */
  async testCamera(id: string, changes: SourceChanges): Promise<ConnectionTestResult> {
    const camera = await this.cameras.findById(id);
    if (!camera) throw CameraErrors.notFound();
    const draft = Camera.restore(camera.snapshot());
    draft.update(changes);
    return this.probe(draft.source, draft.credentials);
  }

  private async probe(source: CameraSource, credentials: CameraCredentials | null): Promise<ConnectionTestResult> {
    // Every time, saved sources included: the host's DNS may point elsewhere since it was saved.
    await this.networkPolicy.assertAllowed(source);
    return this.checker.check({ url: source.url, credentials });
  }
}
