import { parseBoxes, RecentBoxes } from './recent-boxes';

const CAMERA = '6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01';
const boxes = (cameraId = CAMERA) => JSON.stringify({ cameraId, timestamp: '2025-01-01T00:00:00.000Z', frameId: 'f', detections: [] });

describe('RecentBoxes', () => {
  it('keeps the last boxes of each camera while fresh', () => {
    let now = 1000;
    const recent = new RecentBoxes(10_000, () => now);
    recent.put(CAMERA, boxes());
    expect(recent.get(CAMERA)).toEqual(JSON.parse(boxes()));
    expect(recent.get('other')).toBeNull();
    now += 10_000;
    expect(recent.get(CAMERA)).not.toBeNull();
    now += 1;
    expect(recent.get(CAMERA)).toBeNull();
    expect(recent.size).toBe(0);
  });

  it('prunes what expired', () => {
    let now = 0;
    const recent = new RecentBoxes(100, () => now);
    recent.put('a', boxes('a'));
    now = 50;
    recent.put('b', boxes('b'));
    now = 120;
    recent.prune();
    expect(recent.size).toBe(1);
    expect(recent.get('b')).not.toBeNull();
  });
});

describe('parseBoxes', () => {
  it('accepts only well-formed boxes of the channel\'s camera', () => {
    expect(parseBoxes(CAMERA, boxes())).not.toBeNull();
    expect(parseBoxes(CAMERA, boxes('another'))).toBeNull();
    expect(parseBoxes(CAMERA, JSON.stringify({ cameraId: CAMERA }))).toBeNull();
    expect(parseBoxes(CAMERA, 'null')).toBeNull();
    expect(parseBoxes(CAMERA, '{')).toBeNull();
  });
});
