import { classFilter } from './camera-detection-settings';

describe('classFilter', () => {
  it('keeps only the listed classes', () => {
    const wanted = classFilter({ classes: ['person', 'car'], minConfidence: 0.5, roi: [] });
    expect(wanted('person')).toBe(true);
    expect(wanted('car')).toBe(true);
    expect(wanted('truck')).toBe(false);
  });

  it('keeps every class when none is listed', () => {
    const wanted = classFilter({ classes: [], minConfidence: 0.5, roi: [] });
    expect(wanted('toothbrush')).toBe(true);
  });
});
