import type { RawDetection } from '../../model/detector.port';
import type { CameraDetectionSettings } from './camera-detection-settings';
import { postProcess } from './post-process';
import type { Polygon } from './roi';

const CLASS_IDS: Record<string, number> = { person: 0, car: 2, truck: 7 };

function detection(label: string, score: number, box: RawDetection['box']): RawDetection {
  return { classId: CLASS_IDS[label], label, score, box };
}

function settings(overrides: Partial<CameraDetectionSettings> = {}): CameraDetectionSettings {
  return { classes: [], minConfidence: 0, roi: [], ...overrides };
}

const lowerHalf: Polygon = [[0, 0.5], [1, 0.5], [1, 1], [0, 1]];
const topLeftCorner: Polygon = [[0, 0], [0.1, 0], [0.1, 0.1], [0, 0.1]];

describe('postProcess', () => {
  const person = detection('person', 0.9, [0.1, 0.3, 0.2, 0.9]);
  const car = detection('car', 0.7, [0.4, 0.5, 0.7, 0.8]);
  const truck = detection('truck', 0.4, [0.75, 0.4, 0.95, 0.7]);

  it('keeps everything that passes the defaults, best score first', () => {
    expect(postProcess([truck, car, person], settings())).toEqual([person, car, truck]);
  });

  it('keeps only the configured classes', () => {
    expect(postProcess([person, car, truck], settings({ classes: ['car', 'truck'] }))).toEqual([car, truck]);
  });

  it('drops detections below the minimum confidence, keeping one exactly at it', () => {
    expect(postProcess([person, car, truck], settings({ minConfidence: 0.7 }))).toEqual([person, car]);
  });

  it('suppresses duplicates of one object', () => {
    const duplicate = detection('car', 0.6, [0.41, 0.5, 0.71, 0.8]);
    expect(postProcess([duplicate, car], settings())).toEqual([car]);
  });

  it('applies NMS with the given IoU threshold', () => {
    // IoU of these two is about 0.82: a duplicate at 0.45, two objects at 0.9.
    const neighbour = detection('car', 0.6, [0.43, 0.5, 0.73, 0.8]);
    expect(postProcess([car, neighbour], settings(), 0.9)).toEqual([car, neighbour]);
    expect(postProcess([car, neighbour], settings())).toEqual([car]);
  });

  it('keeps only detections standing in a region of interest', () => {
    // person stands at y 0.9, car at 0.8, truck at 0.7: all in the lower half; the truck is not when raised.
    const raisedTruck = detection('truck', 0.4, [0.75, 0.1, 0.95, 0.45]);
    expect(postProcess([person, car, raisedTruck], settings({ roi: [lowerHalf] }))).toEqual([person, car]);
  });

  it('removes everything when the only region is an empty corner', () => {
    expect(postProcess([person, car, truck], settings({ roi: [topLeftCorner] }))).toEqual([]);
  });

  it('suppresses before the ROI, so a duplicate does not survive because its better twin stands outside', () => {
    // The better box's feet are just above the lower half; its duplicate's feet dip into it.
    const outside = detection('car', 0.9, [0.4, 0.1, 0.6, 0.49]);
    const duplicateInside = detection('car', 0.6, [0.4, 0.12, 0.6, 0.51]);
    expect(postProcess([outside, duplicateInside], settings({ roi: [lowerHalf] }))).toEqual([]);
  });

  it('does not let a filtered-out class suppress a wanted one', () => {
    const truckOnCar = detection('truck', 0.95, car.box);
    expect(postProcess([truckOnCar, car], settings({ classes: ['car'] }))).toEqual([car]);
  });
});
