import { Injectable } from '@nestjs/common';
import type { PathSource } from '../../media-server/media-server.port';
import { describeSourceFailure } from '../domain/source-check';
import { SourceInspector, VideoInfo } from './source-inspector';

export type SourceCheck = { ok: true; video: VideoInfo } | { ok: false; reason: string; message: string };

/** "Test connection" for the admin: one probe of a source that is not (or not yet) a provisioned path. */
@Injectable()
export class SourceCheckService {
  constructor(private readonly inspector: SourceInspector) {}

  async check(source: PathSource): Promise<SourceCheck> {
    const probe = await this.inspector.probe(source);
    if (probe.ok) return probe;
    return { ok: false, reason: probe.reason, message: describeSourceFailure(probe.reason) };
  }
}
