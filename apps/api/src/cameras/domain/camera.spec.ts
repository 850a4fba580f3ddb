import { DomainError } from '@vms/platform/errors/domain-error';
import { Camera, CameraInput, DEFAULT_AI_CLASSES } from './camera';

const ID = '6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01';
const base: CameraInput = { name: 'Lobby', sourceUrl: 'rtsp://cam.local/stream1' };
const creds = { username: 'admin', password: 's3cret' };

function create(overrides: Partial<CameraInput> = {}): Camera {
  return Camera.create(ID, { ...base, ...overrides }, new Date('2024-01-01T00:00:00Z'));
}

function errorOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('Camera.create', () => {
  it('applies the defaults', () => {
    const camera = create();
    expect(camera.status).toBe('provisioning');
    expect(camera.enabled).toBe(true);
    expect(camera.ai).toEqual({ enabled: false, classes: DEFAULT_AI_CLASSES, minConfidence: 0.5, roi: [] });
    expect(camera.revision).toBe(1);
    expect(camera.streamPath).toBe(`cam_${ID}`);
    expect(camera.description).toBe('');
    expect(camera.location).toBeNull();
    expect(camera.credentials).toBeNull();
    expect(camera.lastError).toBeNull();
  });

  it('trims the name', () => {
    expect(create({ name: '  Lobby east  ' }).name).toBe('Lobby east');
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['longer than 100 characters', 'x'.repeat(101)],
    ['a control character', 'Lob\u0007by'],
    ['DEL', 'Lobby\u007f'],
  ])('refuses a name that is %s', (_label, name) => {
    const error = errorOf(() => create({ name }));
    expect(error.code).toBe('CAMERA.NAME_INVALID');
    expect(error.details).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('accepts a name of exactly 100 characters', () => {
    expect(create({ name: 'x'.repeat(100) }).name).toHaveLength(100);
  });

  it('refuses a description longer than 1000 characters', () => {
    expect(errorOf(() => create({ description: 'd'.repeat(1001) })).code).toBe('CAMERA.DESCRIPTION_INVALID');
  });

  it.each([
    [{ lat: 90.1, lng: 0 }],
    [{ lat: -90.1, lng: 0 }],
    [{ lat: 0, lng: 180.1 }],
    [{ lat: 0, lng: -180.1 }],
    [{ lat: Number.NaN, lng: 0 }],
  ])('refuses the location %o', (location) => {
    expect(errorOf(() => create({ location })).code).toBe('CAMERA.LOCATION_INVALID');
  });

  it('accepts the extreme coordinates', () => {
    expect(create({ location: { lat: -90, lng: 180 } }).location).toEqual({ lat: -90, lng: 180 });
  });

  it('refuses an unknown detection class', () => {
    const error = errorOf(() => create({ ai: { classes: ['person', 'unicorn'] } }));
    expect(error.code).toBe('CAMERA.CLASS_UNKNOWN');
    expect(error.message).toContain('unicorn');
  });

  it('removes duplicate classes', () => {
    expect(create({ ai: { classes: ['dog', 'dog', 'cat'] } }).ai.classes).toEqual(['dog', 'cat']);
  });

  it.each([-0.01, 1.01, Number.NaN])('refuses minConfidence %p', (minConfidence) => {
    expect(errorOf(() => create({ ai: { minConfidence } })).code).toBe('CAMERA.CONFIDENCE_INVALID');
  });

  it('refuses an invalid ROI', () => {
    expect(errorOf(() => create({ ai: { roi: [[[0, 0], [1, 1]]] } })).code).toBe('CAMERA.ROI_INVALID');
  });

  it('takes credentials from the URL and strips them from the source', () => {
    const camera = create({ sourceUrl: 'rtsp://admin:s3cret@cam.local/stream1' });
    expect(camera.credentials).toEqual(creds);
    expect(camera.source.url).toBe('rtsp://cam.local/stream1');
  });

  it('takes credentials given separately', () => {
    expect(create({ credentials: creds }).credentials).toEqual(creds);
  });

  it('refuses credentials both in the URL and in credentials', () => {
    const error = errorOf(() => create({ sourceUrl: 'rtsp://a:b@cam.local/s', credentials: creds }));
    expect(error.code).toBe('CAMERA.CREDENTIALS_CONFLICT');
  });

  it('refuses credentials for a file source', () => {
    const error = errorOf(() => create({ sourceUrl: 'file:///srv/videos/lobby.mp4', credentials: creds }));
    expect(error.code).toBe('CAMERA.SOURCE_URL_INVALID');
  });

  it('refuses an invalid source url', () => {
    expect(errorOf(() => create({ sourceUrl: 'ftp://cam.local/x' })).code).toBe('CAMERA.SOURCE_URL_INVALID');
  });
});

describe('Camera.update', () => {
  const later = new Date('2024-02-01T00:00:00Z');

  it('bumps the revision and updatedAt on every change', () => {
    const camera = create();
    camera.update({ description: 'Front door' }, later);
    expect(camera.revision).toBe(2);
    expect(camera.updatedAt).toEqual(later);
    expect(camera.description).toBe('Front door');
    camera.update({ name: 'Hall' }, later);
    expect(camera.revision).toBe(3);
  });

  it('leaves the camera untouched when a change is invalid', () => {
    const camera = create();
    expect(() => camera.update({ name: 'Hall', location: { lat: 100, lng: 0 } })).toThrow(DomainError);
    expect(camera.name).toBe('Lobby');
    expect(camera.revision).toBe(1);
  });

  it('puts the camera back into provisioning and clears the error on a new source', () => {
    const camera = create();
    camera.markError('connection refused');
    camera.update({ sourceUrl: 'rtsp://cam2.local/s' });
    expect(camera.status).toBe('provisioning');
    expect(camera.lastError).toBeNull();
    expect(camera.source.url).toBe('rtsp://cam2.local/s');
  });

  it('keeps existing credentials when the source changes without new ones', () => {
    const camera = create({ credentials: creds });
    camera.update({ sourceUrl: 'rtsp://cam2.local/s' });
    expect(camera.credentials).toEqual(creds);
  });

  it('replaces credentials with those given in the new URL', () => {
    const camera = create({ credentials: creds });
    camera.update({ sourceUrl: 'rtsp://other:pw@cam2.local/s' });
    expect(camera.credentials).toEqual({ username: 'other', password: 'pw' });
  });

  it('replaces credentials with those given alongside the new source', () => {
    const camera = create({ credentials: creds });
    camera.update({ sourceUrl: 'rtsp://cam2.local/s', credentials: { username: 'new', password: 'pw' } });
    expect(camera.credentials).toEqual({ username: 'new', password: 'pw' });
  });

  it('clears credentials with credentials: null alongside a new source', () => {
    const camera = create({ credentials: creds });
    camera.update({ sourceUrl: 'rtsp://cam2.local/s', credentials: null });
    expect(camera.credentials).toBeNull();
  });

  it('clears credentials with credentials: null alone', () => {
    const camera = create({ credentials: creds });
    camera.markOnline();
    camera.update({ credentials: null });
    expect(camera.credentials).toBeNull();
    expect(camera.status).toBe('provisioning');
  });

  it('drops old credentials when the source becomes a file', () => {
    const camera = create({ credentials: creds });
    camera.update({ sourceUrl: 'file:///srv/videos/lobby.mp4' });
    expect(camera.credentials).toBeNull();
  });

  it('refuses credentials for an existing file source', () => {
    const camera = create({ sourceUrl: 'file:///srv/videos/lobby.mp4' });
    expect(errorOf(() => camera.update({ credentials: creds })).code).toBe('CAMERA.SOURCE_URL_INVALID');
    expect(camera.credentials).toBeNull();
  });

  it('refuses credentials both in the new URL and in credentials', () => {
    const camera = create();
    const error = errorOf(() => camera.update({ sourceUrl: 'rtsp://a:b@cam2.local/s', credentials: creds }));
    expect(error.code).toBe('CAMERA.CREDENTIALS_CONFLICT');
  });

  it('sets a disabled camera offline and a re-enabled one provisioning', () => {
    const camera = create();
    camera.markOnline();
    camera.update({ enabled: false });
    expect(camera.enabled).toBe(false);
    expect(camera.status).toBe('offline');
    camera.update({ enabled: true });
    expect(camera.status).toBe('provisioning');
  });

  it('does not touch the status when enabled is unchanged', () => {
    const camera = create();
    camera.markOnline();
    camera.update({ enabled: true, name: 'Hall' });
    expect(camera.status).toBe('online');
  });

  it('ignores ai keys given as undefined instead of erasing the setting', () => {
    const camera = create({ ai: { minConfidence: 0.7 } });
    camera.update({ ai: { enabled: true, minConfidence: undefined, classes: undefined } });
    expect(camera.ai).toEqual({ enabled: true, classes: DEFAULT_AI_CLASSES, minConfidence: 0.7, roi: [] });
  });

  it('merges partial ai settings into the current ones', () => {
    const camera = create({ ai: { enabled: true, classes: ['dog'] } });
    camera.update({ ai: { minConfidence: 0.8 } });
    expect(camera.ai).toEqual({ enabled: true, classes: ['dog'], minConfidence: 0.8, roi: [] });
  });
});

describe('Camera status transitions', () => {
  it('markOnline clears the last error', () => {
    const camera = create();
    camera.markError('boom');
    camera.markOnline();
    expect(camera.status).toBe('online');
    expect(camera.lastError).toBeNull();
  });

  it('markError records the reason truncated to 500 characters', () => {
    const camera = create();
    camera.markError('e'.repeat(600));
    expect(camera.status).toBe('error');
    expect(camera.lastError).toHaveLength(500);
  });

  it('markOffline records an optional reason', () => {
    const camera = create();
    camera.markOffline('stream ended');
    expect(camera.status).toBe('offline');
    expect(camera.lastError).toBe('stream ended');
  });

  it('status changes do not bump the revision', () => {
    const camera = create();
    camera.markOnline();
    camera.markError('x');
    expect(camera.revision).toBe(1);
  });
});

describe('Camera.reportStatus (what the streaming service observed)', () => {
  const at = (iso: string) => new Date(iso);

  it('applies each status with its reason and observation time', () => {
    const camera = create();
    expect(camera.reportStatus('online', null, at('2024-01-01T00:01:00Z'))).toBe(true);
    expect(camera.status).toBe('online');
    expect(camera.statusChangedAt).toEqual(at('2024-01-01T00:01:00Z'));
    expect(camera.reportStatus('offline', 'source closed', at('2024-01-01T00:02:00Z'))).toBe(true);
    expect([camera.status, camera.lastError]).toEqual(['offline', 'source closed']);
    expect(camera.reportStatus('error', 'x'.repeat(600), at('2024-01-01T00:03:00Z'))).toBe(true);
    expect([camera.status, camera.lastError?.length]).toEqual(['error', 500]);
    expect(camera.reportStatus('provisioning', null, at('2024-01-01T00:04:00Z'))).toBe(true);
    expect([camera.status, camera.lastError]).toEqual(['provisioning', null]);
  });

  it('gives an error without a reason a generic one', () => {
    const camera = create();
    camera.reportStatus('error', null, at('2024-01-01T00:01:00Z'));
    expect(camera.lastError).toBe('unknown error');
  });

  it('ignores a report older than the current status', () => {
    const camera = create();
    camera.reportStatus('online', null, at('2024-01-01T00:05:00Z'));
    expect(camera.reportStatus('offline', 'late', at('2024-01-01T00:04:59Z'))).toBe(false);
    expect([camera.status, camera.lastError]).toEqual(['online', null]);
    expect(camera.statusChangedAt).toEqual(at('2024-01-01T00:05:00Z'));
  });

  it('ignores a report observed before the camera was created', () => {
    expect(create().reportStatus('online', null, at('2023-12-31T23:59:59Z'))).toBe(false);
  });

  it('ignores a report observed before a change of source (it is about the old stream)', () => {
    const camera = create();
    camera.update({ sourceUrl: 'rtsp://cam2.local/s' }, at('2024-01-01T00:10:00Z'));
    expect(camera.statusChangedAt).toEqual(at('2024-01-01T00:10:00Z'));
    expect(camera.reportStatus('online', null, at('2024-01-01T00:09:00Z'))).toBe(false);
    expect(camera.status).toBe('provisioning');
    expect(camera.reportStatus('online', null, at('2024-01-01T00:10:01Z'))).toBe(true);
  });

  it('keeps the observation time through a change that does not touch the stream', () => {
    const camera = create();
    camera.reportStatus('online', null, at('2024-01-01T00:05:00Z'));
    camera.update({ name: 'Hall', description: 'renamed' }, at('2024-01-01T00:06:00Z'));
    expect(camera.status).toBe('online');
    expect(camera.statusChangedAt).toEqual(at('2024-01-01T00:05:00Z'));
  });

  it('keeps a disabled camera offline', () => {
    const camera = create();
    camera.update({ enabled: false }, at('2024-01-01T00:01:00Z'));
    expect(camera.reportStatus('online', null, at('2024-01-01T00:02:00Z'))).toBe(false);
    expect(camera.status).toBe('offline');
    expect(camera.reportStatus('offline', 'stopped', at('2024-01-01T00:02:00Z'))).toBe(true);
    expect(camera.lastError).toBe('stopped');
  });

  it('does not bump the revision', () => {
    const camera = create();
    camera.reportStatus('online', null, at('2024-01-01T00:01:00Z'));
    expect(camera.revision).toBe(1);
  });
});
