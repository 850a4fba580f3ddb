import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, register } from 'prom-client';

function metric<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

/** Prometheus metrics of the detection pipeline (served on /metrics). */
@Injectable()
export class PipelineMetrics {
  readonly inferenceSeconds = metric('vms_ai_inference_seconds', () => new Histogram({
    name: 'vms_ai_inference_seconds', help: 'Duration of one model run', labelNames: ['provider'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2],
  }));
  readonly batchSize = metric('vms_ai_batch_size', () => new Histogram({
    name: 'vms_ai_batch_size', help: 'Frames per model run', buckets: [1, 2, 4, 8, 16, 32],
  }));
  readonly framesInferred = metric('vms_ai_frames_inferred_total', () => new Counter({
    name: 'vms_ai_frames_inferred_total', help: 'Frames that went through the model', labelNames: ['camera'],
  }));
  readonly framesDecoded = metric('vms_ai_frames_decoded_total', () => new Gauge({
    name: 'vms_ai_frames_decoded_total', help: 'Frames decoded per camera since its decoder started', labelNames: ['camera'],
  }));
  readonly framesDropped = metric('vms_ai_frames_dropped_total', () => new Gauge({
    name: 'vms_ai_frames_dropped_total', help: 'Frames replaced by a newer one before inference, per camera', labelNames: ['camera'],
  }));
  readonly frameLagSeconds = metric('vms_ai_frame_lag_seconds', () => new Gauge({
    name: 'vms_ai_frame_lag_seconds', help: 'Age of the last frame of each camera when it was inferred', labelNames: ['camera'],
  }));
  readonly queueDepth = metric('vms_ai_queue_depth', () => new Gauge({
    name: 'vms_ai_queue_depth', help: 'Frames waiting for the model at the start of the last pass',
  }));
  readonly events = metric('vms_ai_detection_events_total', () => new Counter({
    name: 'vms_ai_detection_events_total', help: 'detection.created events recorded', labelNames: ['class'],
  }));
  readonly cameras = metric('vms_ai_cameras', () => new Gauge({
    name: 'vms_ai_cameras', help: 'AI-enabled cameras being watched',
  }));
}
