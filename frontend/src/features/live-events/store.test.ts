import { describe, expect, it } from 'vitest';
import { createLiveEventsStore, initialLiveEventsData, liveEventsReducers, MAX_RECENT_DETECTIONS } from './store';
import type { DetectionBoxes, DetectionCreated } from './types';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function frame(cameraId: string, timestamp = '2025-01-01T00:00:01.000Z', classes = ['person']): DetectionBoxes {
  return {
    cameraId,
    timestamp,
    frameId: `${cameraId}:${timestamp}`,
    detections: classes.map((name, index) => ({ class: name, confidence: 0.9, bbox: [0.1, 0.1, 0.2, 0.2], trackId: index })),
  };
}

function detection(cameraId: string, index: number, classes = ['car']): DetectionCreated {
  const timestamp = new Date(Date.UTC(2025, 0, 1, 0, 0, index)).toISOString();
  return { ...frame(cameraId, timestamp, classes), snapshotUrl: `/media/snapshots/${index}.jpg` };
}

describe('live events store', () => {
  it('keeps each camera\'s boxes apart: an update for A leaves B\'s entry as it was', () => {
    const store = createLiveEventsStore();
    store.getState().receiveBoxes(frame(A), 1);
    store.getState().receiveBoxes(frame(B), 2);
    const before = store.getState();
    store.getState().receiveBoxes(frame(A, '2025-01-01T00:00:02.000Z'), 3);
    const after = store.getState();
    expect(after.boxes[B]).toBe(before.boxes[B]);
    expect(after.boxes[A]).not.toBe(before.boxes[A]);
    expect(after.boxes[A]).toEqual({ frame: frame(A, '2025-01-01T00:00:02.000Z'), receivedAt: 3 });
    expect(after.statuses).toBe(before.statuses);
    expect(after.recent).toBe(before.recent);
  });

  it('ignores boxes older than the ones it has (first paint arriving after a live frame)', () => {
    const state = liveEventsReducers.boxes(initialLiveEventsData, frame(A, '2025-01-01T00:00:05.000Z'), 1);
    expect(liveEventsReducers.boxes(state, frame(A, '2025-01-01T00:00:04.000Z'), 2)).toBe(state);
    expect(liveEventsReducers.boxes(state, frame(A, '2025-01-01T00:00:05.000Z'), 2).boxes[A]?.receivedAt).toBe(2);
  });

  it('keeps the latest status per camera, ignoring older observations', () => {
    const store = createLiveEventsStore();
    store.getState().receiveStatus({ cameraId: A, status: 'online', observedAt: '2025-01-01T00:00:05.000Z' }, 1);
    const statusB = store.getState().statuses[B];
    store.getState().receiveStatus({ cameraId: A, status: 'offline', observedAt: '2025-01-01T00:00:04.000Z' }, 2);
    expect(store.getState().statuses[A]?.status).toBe('online');
    store.getState().receiveStatus({ cameraId: A, status: 'error', reason: 'unauthorized' }, 3);
    expect(store.getState().statuses[A]).toEqual({ cameraId: A, status: 'error', reason: 'unauthorized', receivedAt: 3 });
    expect(store.getState().statuses[B]).toBe(statusB);
  });

  it('lists detected objects newest first, one row per object, capped overall', () => {
    const store = createLiveEventsStore();
    store.getState().receiveDetection({ ...detection(A, 0, ['person', 'dog']), detectionIds: ['id-person', 'id-dog'] }, 10);
    expect(store.getState().recent.map((row) => [row.id, row.class, row.snapshotUrl, row.receivedAt])).toEqual([
      ['id-person', 'person', '/media/snapshots/0.jpg', 10],
      ['id-dog', 'dog', '/media/snapshots/0.jpg', 10],
    ]);
    for (let index = 1; index <= MAX_RECENT_DETECTIONS + 20; index += 1) {
      store.getState().receiveDetection(detection(index % 2 ? A : B, index), 10 + index);
    }
    const recent = store.getState().recent;
    expect(recent).toHaveLength(MAX_RECENT_DETECTIONS);
    expect(recent[0]?.timestamp).toBe(detection(A, MAX_RECENT_DETECTIONS + 20).timestamp);
    expect(recent.at(-1)?.timestamp).toBe(detection(A, 21).timestamp);
  });

  it('drops a detection it already has (same stored id)', () => {
    const event = { ...detection(A, 1), detectionIds: ['same'] };
    const once = liveEventsReducers.detection(initialLiveEventsData, event, 1);
    expect(liveEventsReducers.detection(once, event, 2)).toBe(once);
  });

  it('does not notify when the connection state did not change', () => {
    const store = createLiveEventsStore();
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.getState().setConnection({ state: 'idle', retryAt: null, attempt: 0 });
    expect(notified).toBe(0);
    store.getState().setConnection({ state: 'connecting', retryAt: null, attempt: 0 });
    expect(notified).toBe(1);
  });
});
