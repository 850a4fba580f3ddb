import type { PathSpec, PathState } from '../../media-server/media-server.port';

export type CameraStreamStatus = 'provisioning' | 'online' | 'offline' | 'error';

/** A camera as the streaming service knows it (from the api): enough to provision its path. */
export interface CameraStreamConfig {
  cameraId: string;
  streamPath: string;
  enabled: boolean;
  revision: number;
  source: PathSpec['source'];
}

export interface ObservedStatus {
  status: CameraStreamStatus;
  reason: string | null;
  readers: number;
  bitrateKbps: number | null;
}

export function pathSpecOf(camera: CameraStreamConfig): PathSpec {
  return { name: camera.streamPath, source: camera.source };
}

/**
 * Turns the media server's view of a path into the camera's status. `starting`, and `idle` without
 * a successful probe, say nothing new (an on-demand stream nobody watches is not offline), so they
 * keep `previous`.
 */
export function observeStatus(state: PathState | undefined, previous: CameraStreamStatus): ObservedStatus {
  if (!state) return { status: previous === 'online' ? 'offline' : previous, reason: null, readers: 0, bitrateKbps: null };
  const measures = { readers: state.readers, bitrateKbps: state.bitrateKbps };
  switch (state.health) {
    case 'online':
      return { status: 'online', reason: null, ...measures };
    case 'error':
      return { status: 'error', reason: state.reason ?? 'stream failed', ...measures };
    case 'offline':
      return { status: 'offline', reason: state.reason, ...measures };
    case 'idle':
      // Nobody watches, but the last probe reached the source: the camera is playable.
      return { status: state.sourceReachable ? 'online' : previous, reason: null, ...measures };
    default:
      return { status: previous, reason: null, ...measures };
  }
}
