import type { Camera, CameraChanges, CameraCredentials, ConnectionTestResult, NewCamera, Polygon, SourceUnderTest } from './types';

/** The API's defaults for a new camera (apps/api/src/cameras/domain/camera.ts). */
export const DEFAULT_CLASSES = ['person', 'bicycle', 'car', 'motorcycle', 'bus', 'truck'];
export const DEFAULT_MIN_CONFIDENCE = 0.5;

export interface CameraFormValues {
  name: string;
  sourceUrl: string;
  /** Empty on edit: the stored credentials stay unless both are typed again. */
  username: string;
  password: string;
  /** Edit only: remove the stored credentials. */
  removeCredentials: boolean;
  enabled: boolean;
  aiEnabled: boolean;
  classes: string[];
  minConfidence: number;
  roi: Polygon[];
}

export type FormField = 'name' | 'sourceUrl' | 'username' | 'password' | 'enabled' | 'aiEnabled' | 'classes' | 'minConfidence' | 'roi';
export type FormErrors = Partial<Record<FormField, string>>;

/** Where the form shows each field's error, in screen order (the first one gets the focus). */
export const FORM_FIELDS: readonly FormField[] = ['name', 'sourceUrl', 'username', 'password', 'enabled', 'aiEnabled', 'classes', 'minConfidence', 'roi'];

export function emptyForm(): CameraFormValues {
  return {
    name: '', sourceUrl: '', username: '', password: '', removeCredentials: false, enabled: true,
    aiEnabled: false, classes: [...DEFAULT_CLASSES], minConfidence: DEFAULT_MIN_CONFIDENCE, roi: [],
  };
}

export function formFromCamera(camera: Camera): CameraFormValues {
  return {
    name: camera.name,
    sourceUrl: camera.sourceUrl,
    username: '',
    password: '',
    removeCredentials: false,
    enabled: camera.enabled,
    aiEnabled: camera.ai.enabled,
    classes: [...camera.ai.classes],
    minConfidence: camera.ai.minConfidence,
    roi: camera.ai.roi.map((polygon) => polygon.map(([x, y]) => [x, y] as [number, number])),
  };
}

/** Checks the browser can make before asking the API, which checks everything again. */
export function validateForm(values: CameraFormValues): FormErrors {
  const errors: FormErrors = {};
  if (values.name.trim() === '') errors.name = 'Enter a name.';
  if (values.sourceUrl.trim() === '') errors.sourceUrl = 'Enter the stream URL (rtsp://, https://…/index.m3u8 or file:///…).';
  if (values.username.trim() === '' && values.password !== '') errors.username = 'Enter the username that goes with this password.';
  if (!Number.isFinite(values.minConfidence) || values.minConfidence < 0 || values.minConfidence > 1) {
    errors.minConfidence = 'Enter a number between 0 and 1.';
  }
  return errors;
}

function typedCredentials(values: CameraFormValues): CameraCredentials | null {
  return values.username.trim() === '' ? null : { username: values.username.trim(), password: values.password };
}

function aiOf(values: CameraFormValues) {
  return { enabled: values.aiEnabled, classes: values.classes, minConfidence: values.minConfidence, roi: values.roi };
}

export function createPayload(values: CameraFormValues): NewCamera {
  const credentials = typedCredentials(values);
  return {
    name: values.name.trim(),
    sourceUrl: values.sourceUrl.trim(),
    ...(credentials ? { credentials } : {}),
    enabled: values.enabled,
    ai: aiOf(values),
  };
}

/**
 * Only what changed: an unchanged URL is not sent, since the API restarts the stream of any camera
 * whose source it is given. Credentials go when typed again or removed.
 */
export function changesPayload(values: CameraFormValues, camera: Camera): CameraChanges {
  const changes: CameraChanges = {};
  if (values.name.trim() !== camera.name) changes.name = values.name.trim();
  if (values.sourceUrl.trim() !== camera.sourceUrl) changes.sourceUrl = values.sourceUrl.trim();
  const credentials = credentialChange(values);
  if (credentials !== undefined) changes.credentials = credentials;
  if (values.enabled !== camera.enabled) changes.enabled = values.enabled;
  const ai = aiOf(values);
  if (JSON.stringify(ai) !== JSON.stringify(camera.ai)) changes.ai = ai;
  return changes;
}

function credentialChange(values: CameraFormValues): CameraCredentials | null | undefined {
  const typed = typedCredentials(values);
  if (typed) return typed;
  return values.removeCredentials ? null : undefined;
}

/** What "Test connection" sends: the whole source for a new camera, the edits of a saved one. */
export function sourceUnderTest(values: CameraFormValues, camera?: Camera): SourceUnderTest {
  if (!camera) {
    const credentials = typedCredentials(values);
    return { sourceUrl: values.sourceUrl.trim(), ...(credentials ? { credentials } : {}) };
  }
  const source: SourceUnderTest = {};
  if (values.sourceUrl.trim() !== camera.sourceUrl) source.sourceUrl = values.sourceUrl.trim();
  const credentials = credentialChange(values);
  if (credentials !== undefined) source.credentials = credentials;
  return source;
}

/** The API's `details[].field` (`credentials.username`, `ai.roi.2`...) to the form field that shows it. */
export function formErrorsFromApi(fieldErrors: Record<string, string>): FormErrors {
  const errors: FormErrors = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const target = formFieldOf(field);
    if (!target || errors[target]) continue;
    const roi = /^ai\.roi\.(\d+)/.exec(field);
    errors[target] = roi ? `Region ${Number(roi[1]) + 1}: ${message}` : message;
  }
  return errors;
}

function formFieldOf(apiField: string): FormField | null {
  if (apiField === 'name' || apiField === 'sourceUrl' || apiField === 'enabled') return apiField;
  if (apiField === 'credentials' || apiField === 'credentials.username') return 'username';
  if (apiField === 'credentials.password') return 'password';
  if (apiField === 'ai' || apiField === 'ai.enabled') return 'aiEnabled';
  if (apiField.startsWith('ai.classes')) return 'classes';
  if (apiField === 'ai.minConfidence') return 'minConfidence';
  if (apiField.startsWith('ai.roi')) return 'roi';
  return null;
}

/** `rtsp://user:pw@host/x` -> `rtsp://host/x`: the list never shows credentials, even ones left in a URL. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1');
}

/** `H264 · 1920×1080 · 25 fps` */
export function describeVideo(result: Extract<ConnectionTestResult, { ok: true }>): string {
  const { codec, width, height, fps } = result.video;
  const parts = [codec.toUpperCase()];
  if (width && height) parts.push(`${width}×${height}`);
  if (fps) parts.push(`${fps} fps`);
  return parts.join(' · ');
}
