import { MediaServer, type PathHealth, type PathSpec, type PathState } from '../../media-server.port';
import type { MediaMtxApiClient, MediaMtxPathEntry } from './mediamtx-api.client';
import { buildPathConf, type MediaMtxPathConf } from './mediamtx-path-conf';
import { InvalidPathSpecError, MediaServerRequestError } from './mediamtx.errors';

export interface MediaMtxMediaServerOptions {
  /** Clock for bitrate samples (tests). */
  now?: () => number;
}

/** Paths the VMS owns; anything else configured in MediaMTX is left alone. */
const MANAGED_PREFIX = 'cam_';
const MANAGED_NAME = /^cam_[A-Za-z0-9_.~-]+$/;

interface ByteSample {
  bytes: number;
  at: number;
}

/** The MediaServer port on MediaMTX's Control API v3 (compose deployments). */
export class MediaMtxMediaServer extends MediaServer {
  readonly kind = 'mediamtx' as const;
  private readonly now: () => number;
  private readonly samples = new Map<string, ByteSample>();

  constructor(private readonly client: MediaMtxApiClient, options: MediaMtxMediaServerOptions = {}) {
    super();
    this.now = options.now ?? Date.now;
  }

  async upsertPath(spec: PathSpec): Promise<void> {
    assertManaged(spec.name);
    const conf = buildPathConf(spec.source);
    try {
      await this.client.replacePath(spec.name, conf);
    } catch (error) {
      // The spec (and MediaMTX before replace learnt to create) answers 404 for a path not configured yet.
      if (!hasStatus(error, 404)) throw error;
      await this.addPath(spec.name, conf);
    }
  }

  async deletePath(name: string): Promise<void> {
    assertManaged(name);
    await this.client.deletePath(name);
  }

  async listPaths(): Promise<string[]> {
    const entries = await this.client.listPathConfigs();
    return [...new Set(entries.map((entry) => entry.name).filter(isManaged))];
  }

  async pathStates(): Promise<PathState[]> {
    const entries = await this.client.listPaths();
    const at = this.now();
    const states = new Map<string, PathState>();
    for (const entry of entries) {
      if (!isManaged(entry.name) || states.has(entry.name)) continue;
      states.set(entry.name, this.toState(entry, at));
    }
    for (const name of this.samples.keys()) {
      if (!states.has(name)) this.samples.delete(name);
    }
    return [...states.values()];
  }

  private async addPath(name: string, conf: MediaMtxPathConf): Promise<void> {
    try {
      await this.client.addPath(name, conf);
    } catch (addError) {
      // 400 "path already exists": a concurrent upsert added it first; ours must be the one that stays.
      if (!hasStatus(addError, 400)) throw addError;
      await this.client.replacePath(name, conf).catch(() => {
        throw addError;
      });
    }
  }

  private toState(entry: MediaMtxPathEntry, at: number): PathState {
    const bytesReceived = entry.inboundBytes ?? entry.bytesReceived ?? 0;
    return {
      name: entry.name,
      health: healthOf(entry),
      reason: null,
      readers: entry.readers,
      bytesReceived,
      bitrateKbps: this.bitrate(entry.name, bytesReceived, at),
    };
  }

  /** kbit/s since the previous read of this path; null on the first read or after the counter went back (path restarted). */
  private bitrate(name: string, bytes: number, at: number): number | null {
    const previous = this.samples.get(name);
    if (previous && at <= previous.at) return null;
    this.samples.set(name, { bytes, at });
    if (!previous || bytes < previous.bytes) return null;
    const kbps = ((bytes - previous.bytes) * 8) / (at - previous.at);
    return Math.round(kbps * 10) / 10;
  }
}

/**
 * `online` (or the legacy `ready` on servers without it) means media flows. The Control API
 * does not say why a source failed, so `offline` and `error` are never reported from here.
 */
function healthOf(entry: MediaMtxPathEntry): PathHealth {
  const online = entry.online ?? entry.ready ?? false;
  if (online) return 'online';
  // Someone is reading a path whose on-demand source is not up yet.
  if (entry.readers > 0) return 'starting';
  return 'idle';
}

function isManaged(name: string): boolean {
  return name.startsWith(MANAGED_PREFIX);
}

function assertManaged(name: string): void {
  if (!MANAGED_NAME.test(name)) throw new InvalidPathSpecError(`only cam_<id> paths are managed, got "${name}"`);
}

function hasStatus(error: unknown, status: number): boolean {
  return error instanceof MediaServerRequestError && error.status === status;
}
