import { ApiError } from '@/lib/api-client';
import type { PlayerStatus } from './types';

/**
 * What to do about a failure: `retry` with backoff (after fetching new URLs when `renewUrls`),
 * or stop and show `status` until the user retries.
 */
export type FailurePlan =
  | { kind: 'retry'; renewUrls: boolean; reason: string; notBeforeMs?: number }
  | { kind: 'stop'; status: PlayerStatus };

/** A failed GET /api/streaming/cameras/:id/urls. */
export function planForUrlError(error: unknown): FailurePlan {
  if (error instanceof ApiError) {
    if (error.code === 'STREAM.CAMERA_DISABLED') {
      return { kind: 'stop', status: { state: 'offline', message: 'Camera disabled' } };
    }
    if (error.status === 404) {
      return { kind: 'stop', status: { state: 'error', message: 'Camera not found' } };
    }
    if (error.status === 401 || error.status === 403) {
      return { kind: 'stop', status: { state: 'error', message: error.message } };
    }
    if (error.status === 429) {
      return {
        kind: 'retry',
        renewUrls: true,
        reason: 'Too many requests',
        notBeforeMs: (error.retryAfterSeconds ?? 0) * 1000,
      };
    }
    return { kind: 'retry', renewUrls: true, reason: error.message };
  }
  return { kind: 'retry', renewUrls: true, reason: 'Could not get the stream address' };
}

/** The parts of an hls.js fatal error this player looks at. */
export interface HlsFailure {
  type: string;
  details: string;
  /** HTTP status of the failed request, when there was one. */
  httpStatus?: number;
}

/** A fatal hls.js error (or the native player's error event). */
export function planForStreamError(failure: HlsFailure): FailurePlan {
  const { httpStatus } = failure;
  if (httpStatus === 401 || httpStatus === 403) {
    return { kind: 'retry', renewUrls: true, reason: 'Stream token refused' };
  }
  if (httpStatus === 404) {
    return { kind: 'retry', renewUrls: false, reason: 'Stream not available yet' };
  }
  if (failure.type === 'mediaError') return { kind: 'retry', renewUrls: false, reason: 'Video could not be decoded' };
  if (failure.type === 'networkError') return { kind: 'retry', renewUrls: false, reason: 'Stream unreachable' };
  return { kind: 'retry', renewUrls: false, reason: `Playback failed (${failure.details})` };
}
