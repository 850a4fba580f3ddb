import type { Frame, FrameFormat } from '../frames/frame';

export type ModelFamily = 'yolox' | 'yolov8' | 'detr';

/** An entry of the model registry (configuration). */
export interface ModelConfig {
  name: string;
  version: string;
  family: ModelFamily;
  /** Absolute or relative path; resolved through AI_MODEL_PATH, models/, ../shared/models/. */
  path: string;
  /** Input size; when omitted, read from the model's declared input shape. */
  inputWidth?: number;
  inputHeight?: number;
  /** Class names in output order; when omitted, the COCO 80 labels. */
  labels?: string[];
}

/** A detection in normalised coordinates of the ORIGINAL picture (0..1, top-left origin). */
export interface RawDetection {
  classId: number;
  label: string;
  score: number;
  /** [x1, y1, x2, y2], clamped to 0..1. */
  box: [number, number, number, number];
}

export interface DetectorInfo {
  name: string;
  version: string;
  family: ModelFamily;
  labels: string[];
  /** The frame format this detector wants (ffmpeg scales into it). */
  frameFormat: FrameFormat;
  /** Largest batch one run accepts (1 when the model's batch dimension is fixed). */
  maxBatch: number;
  executionProvider: string;
}

/**
 * Runs a detection model on frames. Returns, per frame, the decoded candidates scoring at least
 * `minScore`, BEFORE non-maximum suppression (post-processing in pipeline/domain does NMS,
 * class filters and ROI).
 */
export abstract class Detector {
  abstract readonly info: DetectorInfo;
  abstract detect(frames: Frame[], minScore: number): Promise<RawDetection[][]>;
  abstract dispose(): Promise<void>;
}
