import type { DetectedObjectV1 } from '@vms/contracts';

/** What overlays draw on first paint: the boxes of a camera's most recent inferred frame. */
export interface LatestBoxes {
  cameraId: string;
  timestamp: string;
  frameId: string;
  detections: DetectedObjectV1[];
}

/** Keeps the latest boxes per camera (short-lived) and announces them to live listeners. */
export abstract class LatestBoxesCache {
  abstract put(boxes: LatestBoxes): Promise<void>;
  abstract get(cameraId: string): Promise<LatestBoxes | null>;
}
