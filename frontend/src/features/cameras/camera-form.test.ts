import { describe, expect, it } from 'vitest';
import {
  changesPayload, createPayload, describeVideo, emptyForm, formErrorsFromApi, formFromCamera, sourceUnderTest, validateForm,
  withoutCredentials, type CameraFormValues,
} from './camera-form';
import type { Camera } from './types';

const camera: Camera = {
  id: 'c1', name: 'Gate', description: '', sourceUrl: 'rtsp://10.0.0.5/live', credentials: { username: 'v*****', password: '********' },
  enabled: true, ai: { enabled: true, classes: ['person', 'car'], minConfidence: 0.6, roi: [[[0.1, 0.1], [0.9, 0.1], [0.5, 0.9]]] },
  status: 'online', lastError: null, streamPath: 'cam_c1', hlsUrl: '/hls/cam_c1/index.m3u8', revision: 3, createdAt: '', updatedAt: '',
};
const form = (changes: Partial<CameraFormValues> = {}) => ({ ...emptyForm(), name: 'Lobby', sourceUrl: 'rtsp://10.0.0.9/live', ...changes });

describe('camera form', () => {
  it('asks for a name, a URL and a username with a password', () => {
    expect(validateForm(emptyForm())).toMatchObject({ name: expect.any(String), sourceUrl: expect.any(String) });
    expect(validateForm(form({ password: 'secret' }))).toEqual({ username: expect.any(String) });
    expect(validateForm(form({ minConfidence: 1.2 }))).toEqual({ minConfidence: expect.any(String) });
    expect(validateForm(form())).toEqual({});
  });

  it('creates with trimmed fields, credentials only when a username is given', () => {
    expect(createPayload(form({ name: ' Lobby ', sourceUrl: ' rtsp://10.0.0.9/live ' }))).toEqual({
      name: 'Lobby', sourceUrl: 'rtsp://10.0.0.9/live', enabled: true,
      ai: { enabled: false, classes: ['person', 'bicycle', 'car', 'motorcycle', 'bus', 'truck'], minConfidence: 0.5, roi: [] },
    });
    expect(createPayload(form({ username: 'viewer', password: 'pw' })).credentials).toEqual({ username: 'viewer', password: 'pw' });
  });

  it('edits send only what changed; never the unchanged URL nor the unchanged credentials', () => {
    const values = formFromCamera(camera);
    expect(values).toMatchObject({ username: '', password: '', classes: ['person', 'car'] });
    expect(changesPayload(values, camera)).toEqual({});
    expect(changesPayload({ ...values, name: 'Gate 2' }, camera)).toEqual({ name: 'Gate 2' });
    expect(changesPayload({ ...values, minConfidence: 0.7 }, camera)).toEqual({ ai: { ...camera.ai, minConfidence: 0.7 } });
    expect(changesPayload({ ...values, username: 'viewer', password: 'new' }, camera)).toEqual({ credentials: { username: 'viewer', password: 'new' } });
    expect(changesPayload({ ...values, removeCredentials: true }, camera)).toEqual({ credentials: null });
    expect(changesPayload({ ...values, enabled: false, sourceUrl: 'rtsp://10.0.0.6/live' }, camera)).toEqual({ enabled: false, sourceUrl: 'rtsp://10.0.0.6/live' });
  });

  it('tests a new source whole, and a saved camera with its edits only', () => {
    expect(sourceUnderTest(form({ username: 'u', password: 'p' }))).toEqual({ sourceUrl: 'rtsp://10.0.0.9/live', credentials: { username: 'u', password: 'p' } });
    const values = formFromCamera(camera);
    expect(sourceUnderTest(values, camera)).toEqual({});
    expect(sourceUnderTest({ ...values, sourceUrl: 'rtsp://10.0.0.7/live', removeCredentials: true }, camera)).toEqual({ sourceUrl: 'rtsp://10.0.0.7/live', credentials: null });
  });

  it('puts API field errors next to the form fields', () => {
    expect(formErrorsFromApi({
      sourceUrl: 'is not a valid URL', 'credentials.username': 'should not be empty', 'ai.minConfidence': 'must be between 0 and 1',
      'ai.classes': 'Unknown class "dragon"', 'ai.roi.1': 'the polygon intersects itself', description: 'too long',
    })).toEqual({
      sourceUrl: 'is not a valid URL', username: 'should not be empty', minConfidence: 'must be between 0 and 1',
      classes: 'Unknown class "dragon"', roi: 'Region 2: the polygon intersects itself',
    });
    expect(formErrorsFromApi({ credentials: 'Give credentials either in the URL or in credentials, not both' })).toEqual({
      username: 'Give credentials either in the URL or in credentials, not both',
    });
  });

  it('never shows credentials in a URL', () => {
    expect(withoutCredentials('rtsp://admin:secret@10.0.0.5:554/live?x=1')).toBe('rtsp://10.0.0.5:554/live?x=1');
    expect(withoutCredentials('https://cam.example/index.m3u8')).toBe('https://cam.example/index.m3u8');
  });

  it('describes a probed video', () => {
    expect(describeVideo({ ok: true, video: { codec: 'h264', width: 1920, height: 1080, fps: 25 } })).toBe('H264 · 1920×1080 · 25 fps');
    expect(describeVideo({ ok: true, video: { codec: 'hevc', width: null, height: null } })).toBe('HEVC');
  });
});
