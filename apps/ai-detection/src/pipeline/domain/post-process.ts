import type { RawDetection } from '../../model/detector.port';
import { classFilter, CameraDetectionSettings } from './camera-detection-settings';
import { DEFAULT_NMS_IOU, nms } from './nms';
import { insideAnyRoi } from './roi';

/**
 * Turns a frame's raw candidates into the detections a camera keeps, ordered by score (highest
 * first): confidence threshold, class filter, non-maximum suppression, then regions of interest.
 */
export function postProcess(
  candidates: readonly RawDetection[],
  settings: CameraDetectionSettings,
  nmsIou = DEFAULT_NMS_IOU,
): RawDetection[] {
  const wantedClass = classFilter(settings);
  // Score and class first: cheapest, and class-aware best-first NMS keeps the same survivors; ROI after NMS so a duplicate cannot outlive a better twin lying outside.
  const wanted = candidates.filter((d) => d.score >= settings.minConfidence && wantedClass(d.label));
  return nms(wanted, nmsIou).filter((d) => insideAnyRoi(d.box, settings.roi));
}
