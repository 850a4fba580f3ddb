/**
 * The 80 COCO class names in model output order: what a camera may detect and what the API
 * accepts as a detection's `class`. Mirrors libs/contracts/src/cameras/coco-classes.ts, which
 * the frontend cannot import; change both together.
 */
export const COCO_CLASSES = [
  'person', 'bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck', 'boat', 'traffic light',
  'fire hydrant', 'stop sign', 'parking meter', 'bench', 'bird', 'cat', 'dog', 'horse', 'sheep', 'cow',
  'elephant', 'bear', 'zebra', 'giraffe', 'backpack', 'umbrella', 'handbag', 'tie', 'suitcase', 'frisbee',
  'skis', 'snowboard', 'sports ball', 'kite', 'baseball bat', 'baseball glove', 'skateboard', 'surfboard',
  'tennis racket', 'bottle', 'wine glass', 'cup', 'fork', 'knife', 'spoon', 'bowl', 'banana', 'apple',
  'sandwich', 'orange', 'broccoli', 'carrot', 'hot dog', 'pizza', 'donut', 'cake', 'chair', 'couch',
  'potted plant', 'bed', 'dining table', 'toilet', 'tv', 'laptop', 'mouse', 'remote', 'keyboard',
  'cell phone', 'microwave', 'oven', 'toaster', 'sink', 'refrigerator', 'book', 'clock', 'vase',
  'scissors', 'teddy bear', 'hair drier', 'toothbrush',
] as const;

export type CocoClass = (typeof COCO_CLASSES)[number];

/** What a security camera mostly sees: offered first, the other classes behind them. */
export const COMMON_CLASSES = ['person', 'car', 'truck', 'bus', 'bicycle', 'motorcycle', 'dog', 'cat'] as const;

const common: ReadonlySet<string> = new Set(COMMON_CLASSES);

/** The classes not in COMMON_CLASSES, in model order. */
export const OTHER_CLASSES: readonly CocoClass[] = COCO_CLASSES.filter((name) => !common.has(name));

const known: ReadonlySet<string> = new Set(COCO_CLASSES);

export function isCocoClass(value: string): value is CocoClass {
  return known.has(value);
}
