import { DomainError } from '@vms/platform/errors/domain-error';

/** Why a model cannot be used. */
export type ModelUnavailableReason = 'not_found' | 'load_failed' | 'provider_failed' | 'unsupported_model';

/** No usable model: the service stays up and reports itself degraded instead of detecting. */
export class ModelUnavailableError extends DomainError {
  constructor(
    readonly reason: ModelUnavailableReason,
    message: string,
    readonly triedPaths: readonly string[] = [],
  ) {
    super('MODEL.UNAVAILABLE', message, 'unavailable', { reason, triedPaths });
  }
}

/** The model registry configuration (AI_MODEL, AI_MODEL_CONFIG) is invalid: a boot-time error naming the variable. */
export class ModelConfigError extends DomainError {
  constructor(readonly variable: string, message: string) {
    super('MODEL.INVALID_CONFIG', `${variable}: ${message}`, 'invalid', { variable });
  }
}

/** The detector failed too many runs in a row and refuses new ones until `retryAt` (ms since epoch). */
export class CircuitOpenError extends DomainError {
  constructor(readonly retryAt: number, readonly consecutiveFailures: number) {
    super('MODEL.CIRCUIT_OPEN', `Detector paused after ${consecutiveFailures} consecutive failed runs; next trial at ${new Date(retryAt).toISOString()}`, 'unavailable', { retryAt, consecutiveFailures });
  }
}

/** A frame does not have the size the model expects (a caller bug, not a model failure). */
export class FrameMismatchError extends DomainError {
  constructor(message: string) {
    super('MODEL.FRAME_MISMATCH', message, 'invalid');
  }
}
