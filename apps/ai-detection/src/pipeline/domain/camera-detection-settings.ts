import type { Polygon } from './roi';

/** What one camera wants from the detector: mirrors the camera's `ai` settings without `enabled`. */
export interface CameraDetectionSettings {
  /** Class names to keep; empty keeps every class. */
  classes: string[];
  /** Lowest score kept, inclusive (0..1). */
  minConfidence: number;
  /** Regions of interest; empty means the whole frame. */
  roi: Polygon[];
}

/** A predicate for the class filter, built once per frame instead of scanning `classes` per box. */
export function classFilter(settings: CameraDetectionSettings): (label: string) => boolean {
  if (settings.classes.length === 0) return () => true;
  const wanted = new Set(settings.classes);
  return (label) => wanted.has(label);
}
