import { parseDetectionCreated } from './detection-created.consumer';

const valid = () => ({
  cameraId: '6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01',
  timestamp: '2024-05-01T12:00:00.250Z',
  frameId: 'frame-1',
  detections: [
    { class: 'person', confidence: 0.91, bbox: [0.1, 0.2, 0.3, 0.4], trackId: 7, reason: 'appeared' },
    { class: 'car', confidence: 0.66, bbox: [0.5, 0.5, 0.25, 0.2], trackId: 8 },
  ],
  snapshotUrl: '/media/snapshots/a.jpg',
});

async function refusal(data: unknown): Promise<string> {
  try {
    await parseDetectionCreated(data);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the payload to be refused');
}

describe('parseDetectionCreated', () => {
  it('accepts a valid payload, with or without detectionIds and snapshot', async () => {
    await expect(parseDetectionCreated(valid())).resolves.toMatchObject({ frameId: 'frame-1' });
    await expect(parseDetectionCreated({ ...valid(), snapshotUrl: null })).resolves.toBeDefined();
    const ids = ['1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', '2b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed'];
    await expect(parseDetectionCreated({ ...valid(), detectionIds: ids })).resolves.toMatchObject({ detectionIds: ids });
  });

  it.each([
    ['not an object', 'person', /data is not an object/],
    ['an array', [], /data is not an object/],
    ['a bad camera id', { ...valid(), cameraId: 'cam-1' }, /invalid cameraId/],
    ['no detections', { ...valid(), detections: [] }, /invalid detections/],
    ['a confidence above 1', { ...valid(), detections: [{ ...valid().detections[0], confidence: 1.2 }] }, /invalid detections/],
    ['a box of 3 numbers', { ...valid(), detections: [{ ...valid().detections[0], bbox: [0.1, 0.2, 0.3] }] }, /invalid detections/],
    ['a box outside the picture', { ...valid(), detections: [{ ...valid().detections[0], bbox: [0.1, 0.2, 1.3, 0.4] }] }, /invalid detections/],
    ['a negative track', { ...valid(), detections: [{ ...valid().detections[0], trackId: -1 }] }, /invalid detections/],
    ['a track beyond 32 bits', { ...valid(), detections: [{ ...valid().detections[0], trackId: 2 ** 31 }] }, /trackId is too large/],
    ['an empty class', { ...valid(), detections: [{ ...valid().detections[0], class: '' }] }, /class is empty/],
    ['a 51-character class', { ...valid(), detections: [{ ...valid().detections[0], class: 'x'.repeat(51) }] }, /longer than 50/],
    ['a timestamp that is not ISO', { ...valid(), timestamp: 'yesterday' }, /invalid timestamp/],
    ['detectionIds of the wrong length', { ...valid(), detectionIds: ['1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed'] }, /differ in length/],
    ['repeated detectionIds', { ...valid(), detectionIds: ['1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', '1B9D6BCD-BBFD-4B2D-9B5D-AB8DFBBD4BED'] }, /repeat an id/],
    ['an overlong snapshot url', { ...valid(), snapshotUrl: `/media/${'a'.repeat(2048)}` }, /snapshotUrl is too long/],
    ['too many detections', { ...valid(), detections: Array.from({ length: 1001 }, (_, trackId) => ({ ...valid().detections[0], trackId })) }, /more than 1000/],
  ])('refuses %s', async (_label, data, message) => {
    expect(await refusal(data)).toMatch(message);
  });
});
