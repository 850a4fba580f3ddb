import { DomainError } from '@vms/platform';
import type { CameraCredentials } from '../domain/camera-source';

export interface VideoInfo {
  codec: string;
  width: number | null;
  height: number | null;
  fps?: number;
}

/** A source that answers badly is a result (`ok: false` with a reason), not an error. */
export type ConnectionTestResult = { ok: true; video: VideoInfo } | { ok: false; reason: string; message: string };

/**
 * Asks the streaming service to probe a source once. Rejects with `SourceCheckErrors.streamingUnavailable`
 * when the service is unreachable, slow or refuses; never with a message holding the credentials.
 */
export abstract class SourceChecker {
  abstract check(source: { url: string; credentials: CameraCredentials | null }): Promise<ConnectionTestResult>;
}

export const SourceCheckErrors = {
  streamingUnavailable: () =>
    new DomainError('STREAMING.UNAVAILABLE', 'The streaming service cannot test the connection right now; try again in a moment', 'unavailable'),
};
