import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AiDetectionEnv } from '../../ai-detection.env';
import type { Detector } from '../../model/detector.port';
import { resolveModel } from '../../model/model-registry';
import { OnnxDetector } from '../../model/onnx-detector';
import { PipelineMetrics } from '../infrastructure/pipeline.metrics';

const RETRY_MS = 60_000;

/**
 * Loads the configured model at start (and warms it up). When it cannot, the service stays up,
 * reports `degraded` with the reason, and tries again every minute.
 */
@Injectable()
export class ModelHolder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ModelHolder.name);
  private current: Detector | null = null;
  private failure: string | null = 'model not loaded yet';
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly env: AiDetectionEnv, private readonly metrics: PipelineMetrics) {}

  get detector(): Detector | null {
    return this.current;
  }

  /** Why there is no model, or null when one is loaded. */
  get unavailableReason(): string | null {
    return this.current ? null : this.failure;
  }

  onLoaded(listener: () => void): void {
    this.listeners.push(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.load();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.current?.dispose();
    this.current = null;
  }

  private async load(): Promise<void> {
    try {
      const model = resolveModel(this.env);
      const detector = await OnnxDetector.create(model, {
        executionProvider: this.env.AI_EXECUTION_PROVIDER,
        maxBatch: this.env.AI_MAX_BATCH,
        intraOpNumThreads: this.env.AI_THREADS,
        allowSpinning: this.env.AI_THREAD_SPINNING,
        onRun: (timing) => {
          this.metrics.inferenceSeconds.observe({ provider: timing.provider }, timing.ms / 1000);
          this.metrics.batchSize.observe(timing.batchSize);
        },
      });
      await detector.warmUp();
      this.current = detector;
      this.failure = null;
      this.logger.log({ model: detector.info.name, provider: detector.info.executionProvider, maxBatch: detector.info.maxBatch }, 'model loaded');
      for (const listener of this.listeners) listener();
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
      this.logger.warn(`model unavailable, running degraded: ${this.failure}`);
      this.retryTimer = setTimeout(() => void this.load(), RETRY_MS);
      this.retryTimer.unref();
    }
  }
}
