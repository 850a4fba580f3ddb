import type { CameraSource } from './camera-source';

/**
 * Decides whether the system may connect to a source (server-side request forgery guard).
 * Throws a camera error when it may not.
 */
export abstract class SourceNetworkPolicy {
  abstract assertAllowed(source: CameraSource): Promise<void>;
}
