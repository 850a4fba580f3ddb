import { COCO_CLASSES } from '@vms/contracts/cameras/coco-classes';
import type { CameraStatus } from '@vms/contracts/cameras/camera-status';
import { CameraCredentials, CameraSource } from './camera-source';
import { CameraErrors } from './camera.errors';
import { Polygon, validateRoi } from './roi';

export interface GeoLocation {
  lat: number;
  lng: number;
}

export interface AiSettings {
  enabled: boolean;
  classes: string[];
  minConfidence: number;
  roi: Polygon[];
}

export interface CameraInput {
  name: string;
  description?: string;
  location?: GeoLocation | null;
  sourceUrl: string;
  credentials?: CameraCredentials | null;
  enabled?: boolean;
  ai?: Partial<AiSettings>;
}

export type CameraChanges = Partial<CameraInput>;

export interface CameraState {
  id: string;
  name: string;
  description: string;
  location: GeoLocation | null;
  source: CameraSource;
  credentials: CameraCredentials | null;
  enabled: boolean;
  ai: AiSettings;
  status: CameraStatus;
  lastError: string | null;
  /** When the status was last set: by a write here, or as observed by the streaming service. */
  statusChangedAt: Date;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export const DEFAULT_AI_CLASSES = ['person', 'bicycle', 'car', 'motorcycle', 'bus', 'truck'];
const KNOWN_CLASSES: ReadonlySet<string> = new Set(COCO_CLASSES);
const MAX_NAME = 100;
const MAX_DESCRIPTION = 1000;
const MAX_ERROR = 500;

/** A camera and its rules. Built only through `create`/`restore`, changed only through its methods. */
export class Camera {
  private constructor(private state: CameraState) {}

  static create(id: string, input: CameraInput, now = new Date()): Camera {
    const { source, credentials } = resolveSource(input.sourceUrl, input.credentials ?? null);
    return new Camera({
      id,
      name: validName(input.name),
      description: validDescription(input.description ?? ''),
      location: validLocation(input.location ?? null),
      source,
      credentials,
      enabled: input.enabled ?? true,
      ai: validAi({ enabled: false, classes: DEFAULT_AI_CLASSES, minConfidence: 0.5, roi: [], ...definedOnly(input.ai ?? {}) }),
      status: 'provisioning',
      lastError: null,
      statusChangedAt: now,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    });
  }

  static restore(state: CameraState): Camera {
    return new Camera({ ...state });
  }

  get id() { return this.state.id; }
  get name() { return this.state.name; }
  get description() { return this.state.description; }
  get location() { return this.state.location; }
  get source() { return this.state.source; }
  get credentials() { return this.state.credentials; }
  get enabled() { return this.state.enabled; }
  get ai(): AiSettings { return this.state.ai; }
  get status() { return this.state.status; }
  get lastError() { return this.state.lastError; }
  get statusChangedAt() { return this.state.statusChangedAt; }
  get revision() { return this.state.revision; }
  get createdAt() { return this.state.createdAt; }
  get updatedAt() { return this.state.updatedAt; }

  /** The media server path the camera is published under. */
  get streamPath(): string {
    return `cam_${this.state.id}`;
  }

  /** Applies a partial change; a new source or a re-enable puts the camera back into provisioning. */
  update(changes: CameraChanges, now = new Date()): void {
    const next = { ...this.state };
    if (changes.name !== undefined) next.name = validName(changes.name);
    if (changes.description !== undefined) next.description = validDescription(changes.description);
    if (changes.location !== undefined) next.location = validLocation(changes.location);
    if (changes.sourceUrl !== undefined) {
      const { source, credentials } = resolveSource(changes.sourceUrl, changes.credentials ?? null);
      next.source = source;
      next.credentials = credentials ?? (changes.credentials === null || source.kind === 'file' ? null : this.state.credentials);
      next.status = 'provisioning';
      next.lastError = null;
    } else if (changes.credentials !== undefined) {
      if (changes.credentials && this.state.source.kind === 'file') throw CameraErrors.sourceUrlInvalid('file sources take no credentials');
      next.credentials = changes.credentials;
      next.status = 'provisioning';
    }
    if (changes.enabled !== undefined && changes.enabled !== this.state.enabled) {
      next.enabled = changes.enabled;
      next.status = changes.enabled ? 'provisioning' : 'offline';
    }
    if (changes.ai !== undefined) next.ai = validAi({ ...this.state.ai, ...definedOnly(changes.ai) });
    if (!next.enabled) next.status = 'offline';
    // A reset status starts over now: reports the streaming service observed before this write are stale.
    if (next.status !== this.state.status || next.source !== this.state.source || next.credentials !== this.state.credentials) {
      next.statusChangedAt = now;
    }
    next.revision = this.state.revision + 1;
    next.updatedAt = now;
    this.state = next;
  }

  markProvisioning(at = new Date()): void {
    this.setStatus('provisioning', null, at);
  }

  markOnline(at = new Date()): void {
    this.setStatus('online', null, at);
  }

  markOffline(reason: string | null = null, at = new Date()): void {
    this.setStatus('offline', reason, at);
  }

  markError(reason: string, at = new Date()): void {
    this.setStatus('error', reason, at);
  }

  /**
   * Applies a status the streaming service observed at `observedAt`. Returns false, changing
   * nothing, for a report older than the current status or one that would bring a disabled camera up.
   */
  reportStatus(status: CameraStatus, reason: string | null, observedAt: Date): boolean {
    if (observedAt.getTime() < this.state.statusChangedAt.getTime()) return false;
    if (!this.state.enabled && status !== 'offline') return false;
    if (status === 'online') this.markOnline(observedAt);
    else if (status === 'offline') this.markOffline(reason, observedAt);
    else if (status === 'error') this.markError(reason ?? 'unknown error', observedAt);
    else this.markProvisioning(observedAt);
    return true;
  }

  snapshot(): CameraState {
    return { ...this.state };
  }

  private setStatus(status: CameraStatus, reason: string | null, at: Date): void {
    this.state = { ...this.state, status, lastError: reason === null ? null : reason.slice(0, MAX_ERROR), statusChangedAt: at };
  }
}

/** Drops keys whose value is undefined, so a partial change never erases a setting. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/** Parses a source URL and merges its credentials with the given ones (at most one of them), by the camera rules. */
export function resolveSource(rawUrl: string, given: CameraCredentials | null): { source: CameraSource; credentials: CameraCredentials | null } {
  const { source, credentials: fromUrl } = CameraSource.parse(rawUrl);
  if (fromUrl && given) throw CameraErrors.credentialsConflict();
  if ((fromUrl || given) && source.kind === 'file') {
    throw CameraErrors.sourceUrlInvalid('file sources take no credentials');
  }
  return { source, credentials: fromUrl ?? given };
}

function validName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0) throw CameraErrors.nameInvalid('must not be empty');
  if (name.length > MAX_NAME) throw CameraErrors.nameInvalid(`must be at most ${MAX_NAME} characters`);
  if (/[\u0000-\u001f\u007f]/.test(name)) throw CameraErrors.nameInvalid('must not contain control characters');
  return name;
}

function validDescription(raw: string): string {
  if (raw.length > MAX_DESCRIPTION) {
    throw CameraErrors.descriptionInvalid(`must be at most ${MAX_DESCRIPTION} characters`);
  }
  return raw.trim();
}

function validLocation(location: GeoLocation | null): GeoLocation | null {
  if (location === null) return null;
  const { lat, lng } = location;
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw CameraErrors.locationInvalid('lat must be between -90 and 90');
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) throw CameraErrors.locationInvalid('lng must be between -180 and 180');
  return { lat, lng };
}

function validAi(ai: AiSettings): AiSettings {
  const unknown = ai.classes.find((name) => !KNOWN_CLASSES.has(name));
  if (unknown !== undefined) throw CameraErrors.classUnknown(unknown);
  if (!Number.isFinite(ai.minConfidence) || ai.minConfidence < 0 || ai.minConfidence > 1) {
    throw CameraErrors.confidenceInvalid();
  }
  return { enabled: ai.enabled, classes: [...new Set(ai.classes)], minConfidence: ai.minConfidence, roi: validateRoi(ai.roi) };
}
