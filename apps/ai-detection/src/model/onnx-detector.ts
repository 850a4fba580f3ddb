import { Logger } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { COCO_CLASSES } from '@vms/contracts/cameras/coco-classes';
import type { Frame, FrameFormat } from '../frames/frame';
import { contentRectOf } from '../frames/frame';
import { CircuitBreaker, CircuitState } from './circuit-breaker';
import { decodeDetr } from './decode-detr';
import { decodeYolov8 } from './decode-yolov8';
import { decodeYolox } from './decode-yolox';
import { Detector, DetectorInfo, ModelConfig, ModelFamily, RawDetection } from './detector.port';
import { framesToNchw, TensorLayout } from './frame-tensor';
import { ModelUnavailableError, FrameMismatchError } from './model.errors';
import type { ResolvedModel } from './model-registry';

export type ExecutionProvider = 'cpu' | 'webgpu' | 'cuda';
export type ExecutionProviderSetting = ExecutionProvider | 'auto';
export const EXECUTION_PROVIDER_SETTINGS: readonly ExecutionProviderSetting[] = ['cpu', 'webgpu', 'cuda', 'auto'];
/** The order `auto` tries providers in; the first that creates a session wins. */
export const AUTO_PROVIDER_ORDER: readonly ExecutionProvider[] = ['cuda', 'webgpu', 'cpu'];

export const DEFAULT_MAX_BATCH = 8;

/** One inference run, for metrics: `ms` is the model run alone, `totalMs` adds packing and decoding. */
export interface RunTiming {
  batchSize: number;
  ms: number;
  totalMs: number;
  provider: ExecutionProvider;
}

export interface DetectorLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface OnnxDetectorOptions {
  executionProvider?: ExecutionProviderSetting;
  /** ORT threads inside one operator; default: half the cores (the frame decoders need the rest). */
  intraOpNumThreads?: number;
  /**
   * Let ORT's threads spin-wait after a run (default false). Spinning shaves a few ms off back-to-back
   * runs but, with frames arriving one at a time, burns about 3x the CPU of the run itself.
   */
  allowSpinning?: boolean;
  /** Largest batch per run when the model's batch dimension is dynamic (default 8). */
  maxBatch?: number;
  /** Consecutive failed runs that open the circuit (default 3). */
  failureThreshold?: number;
  /** How long an open circuit refuses runs (default 30 s). */
  coolDownMs?: number;
  now?: () => number;
  /** Called after every successful detection run. */
  onRun?: (timing: RunTiming) => void;
  logger?: DetectorLogger;
  /** Creates the ORT session; tests replace it to inject faults. */
  createSession?: (path: string, options: ort.InferenceSession.SessionOptions) => Promise<ort.InferenceSession>;
}

interface FamilyRecipe {
  fit: FrameFormat['fit'];
  layout: TensorLayout;
}

const PAD_GREY: [number, number, number] = [114, 114, 114];

const FAMILIES: Record<ModelFamily, FamilyRecipe> = {
  yolox: { fit: 'letterbox-top-left', layout: { channels: 'bgr', scale: 1 } },
  yolov8: { fit: 'letterbox-center', layout: { channels: 'rgb', scale: 1 / 255 } },
  detr: { fit: 'stretch', layout: { channels: 'rgb', scale: 1 / 255 } },
};

/** The frame format a model family wants at the given input size. */
export function frameFormatFor(family: ModelFamily, width: number, height: number): FrameFormat {
  return { width, height, fit: FAMILIES[family].fit, padRgb: PAD_GREY };
}

/** What the detector learnt from the model's declared inputs and outputs. */
interface ModelIo {
  imageInput: string;
  /** DETR: the `orig_target_sizes` input. */
  sizesInput?: string;
  outputs: string[];
  width: number;
  height: number;
  dynamicBatch: boolean;
  /** Null when the outputs do not declare it (DETR). */
  classCount: number | null;
}

/** A Detector running an ONNX model of the yolox, yolov8 or detr family with onnxruntime-node. */
export class OnnxDetector extends Detector {
  private readonly breaker: CircuitBreaker;
  private tail: Promise<unknown> = Promise.resolve();
  private disposed = false;

  private constructor(
    readonly info: DetectorInfo,
    private readonly session: ort.InferenceSession,
    private readonly io: ModelIo,
    private readonly provider: ExecutionProvider,
    private readonly options: OnnxDetectorOptions,
  ) {
    super();
    this.breaker = new CircuitBreaker({ failureThreshold: options.failureThreshold, coolDownMs: options.coolDownMs, now: options.now });
  }

  /** Loads the model; throws ModelUnavailableError when no provider can load it or its I/O is not of its family. */
  static async create(model: ResolvedModel, options: OnnxDetectorOptions = {}): Promise<OnnxDetector> {
    const logger = options.logger ?? new Logger(OnnxDetector.name);
    const { session, provider } = await createSession(model.path, options, logger);
    try {
      const io = inspectModel(session, model.config, logger);
      const info: DetectorInfo = {
        name: model.config.name,
        version: model.config.version,
        family: model.config.family,
        labels: labelsFor(model.config, io.classCount, logger),
        frameFormat: frameFormatFor(model.config.family, io.width, io.height),
        maxBatch: io.dynamicBatch ? Math.max(1, options.maxBatch ?? DEFAULT_MAX_BATCH) : 1,
        executionProvider: provider,
      };
      logger.log(`Model ${info.name} v${info.version} (${info.family}, ${io.width}x${io.height}, ${info.labels.length} classes, `
        + `max batch ${info.maxBatch}) loaded from ${model.path} on ${provider}`);
      return new OnnxDetector(info, session, io, provider, options);
    } catch (error) {
      await session.release();
      if (error instanceof ModelUnavailableError) throw new ModelUnavailableError(error.reason, `${model.path}: ${error.message}`, [model.path]);
      throw error;
    }
  }

  get circuitState(): CircuitState {
    return this.breaker.state;
  }

  /** Runs one dummy frame so the first real run does not pay for ORT's lazy initialisation. */
  async warmUp(): Promise<RunTiming> {
    const { width, height, padRgb } = this.info.frameFormat;
    const rgb = Buffer.alloc(width * height * 3);
    for (let i = 0; i < rgb.length; i += 3) rgb.set(padRgb, i);
    const frame: Frame = {
      cameraId: 'warm-up', capturedAt: Date.now(), rgb, format: this.info.frameFormat,
      source: { width, height }, content: contentRectOf(this.info.frameFormat, width, height),
    };
    const { timing } = await this.exclusive(() => this.run([frame], 1));
    return timing;
  }

  async detect(frames: Frame[], minScore: number): Promise<RawDetection[][]> {
    frames.forEach((frame) => this.checkFrame(frame));
    const results: RawDetection[][] = [];
    for (let start = 0; start < frames.length; start += this.info.maxBatch) {
      const { detections, timing } = await this.exclusive(() => this.run(frames.slice(start, start + this.info.maxBatch), minScore));
      results.push(...detections);
      this.options.onRun?.(timing);
    }
    return results;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.tail;
    await this.session.release();
  }

  /** One run at a time: concurrent runs would only fight over the same cores. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => {
      if (this.disposed) throw new Error(`Detector ${this.info.name} is disposed`);
      return task();
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  private run(frames: Frame[], minScore: number): Promise<{ detections: RawDetection[][]; timing: RunTiming }> {
    return this.breaker.run(async () => {
      const started = performance.now();
      const { width, height } = this.io;
      const images = new ort.Tensor('float32', framesToNchw(frames, width, height, FAMILIES[this.info.family].layout), [frames.length, 3, height, width]);
      const feeds: Record<string, ort.Tensor> = { [this.io.imageInput]: images };
      const targetSizes = frames.map((frame) => [frame.format.width, frame.format.height] as const);
      if (this.io.sizesInput) {
        feeds[this.io.sizesInput] = new ort.Tensor('int64', BigInt64Array.from(targetSizes.flat(), (v) => BigInt(v)), [frames.length, 2]);
      }
      const runStarted = performance.now();
      const outputs = await this.session.run(feeds);
      const ms = performance.now() - runStarted;
      const detections = this.decode(outputs, frames, minScore, targetSizes);
      return { detections, timing: { batchSize: frames.length, ms, totalMs: performance.now() - started, provider: this.provider } };
    });
  }

  private decode(
    outputs: ort.InferenceSession.ReturnType, frames: Frame[], minScore: number, targetSizes: Array<readonly [number, number]>,
  ): RawDetection[][] {
    const { labels } = this.info;
    if (this.info.family === 'detr') {
      const [labelsName, boxesName, scoresName] = this.io.outputs;
      const scores = outputs[scoresName];
      return decodeDetr(
        { labels: outputs[labelsName].data as BigInt64Array, boxes: outputs[boxesName].data as Float32Array, scores: scores.data as Float32Array, dims: scores.dims },
        frames, { labels, minScore, targetSizes },
      );
    }
    const output = outputs[this.io.outputs[0]];
    if (this.info.family === 'yolox') {
      return decodeYolox(output.data as Float32Array, output.dims, frames, { labels, minScore, inputWidth: this.io.width, inputHeight: this.io.height });
    }
    return decodeYolov8(output.data as Float32Array, output.dims, frames, { labels, minScore });
  }

  private checkFrame(frame: Frame): void {
    const { width, height } = this.io;
    if (frame.format.width !== width || frame.format.height !== height || frame.rgb.length !== width * height * 3) {
      throw new FrameMismatchError(`Frame of camera ${frame.cameraId} is ${frame.format.width}x${frame.format.height} `
        + `(${frame.rgb.length} bytes); model ${this.info.name} wants ${width}x${height} RGB24`);
    }
  }
}

async function createSession(
  path: string, options: OnnxDetectorOptions, logger: DetectorLogger,
): Promise<{ session: ort.InferenceSession; provider: ExecutionProvider }> {
  const setting = options.executionProvider ?? 'cpu';
  const providers = setting === 'auto' ? AUTO_PROVIDER_ORDER : [setting];
  const create = options.createSession ?? ((file, sessionOptions) => ort.InferenceSession.create(file, sessionOptions));
  const failures: string[] = [];
  for (const provider of providers) {
    try {
      const session = await create(path, {
        executionProviders: [provider],
        intraOpNumThreads: options.intraOpNumThreads ?? defaultIntraOpThreads(),
        interOpNumThreads: 1,
        extra: { session: { intra_op: { allow_spinning: options.allowSpinning ? '1' : '0' } } },
        graphOptimizationLevel: 'all',
        logSeverityLevel: 3,
      });
      if (setting === 'auto') logger.log(`Execution provider auto: using ${provider}${failures.length ? ` (${failures.join('; ')})` : ''}`);
      return { session, provider };
    } catch (error) {
      const reason = firstLine(error);
      failures.push(`${provider} failed: ${reason}`);
      if (setting === 'auto') logger.warn(`Execution provider ${provider} unavailable: ${reason}`);
    }
  }
  const onlyAccelerators = !providers.includes('cpu');
  throw new ModelUnavailableError(onlyAccelerators ? 'provider_failed' : 'load_failed', `Cannot load ${path}: ${failures.join('; ')}`, [path]);
}

export function defaultIntraOpThreads(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

function inspectModel(session: ort.InferenceSession, config: ModelConfig, logger: DetectorLogger): ModelIo {
  const unsupported = (message: string): never => {
    throw new ModelUnavailableError('unsupported_model', `not a ${config.family} model: ${message}`);
  };
  const inputs = session.inputMetadata.filter((m): m is ort.InferenceSession.TensorValueMetadata => m.isTensor);
  const outputs = session.outputMetadata.filter((m): m is ort.InferenceSession.TensorValueMetadata => m.isTensor);
  const image = inputs.find((m) => m.type === 'float32' && m.shape.length === 4) ?? unsupported('no float32 [N,3,H,W] input');
  const [batch, channels, declaredHeight, declaredWidth] = image.shape;
  if (channels !== 3) unsupported(`input ${image.name} has ${String(channels)} channels`);
  if (typeof batch === 'number' && batch > 1) unsupported(`fixed batch size ${batch}; export it with batch 1 or a dynamic batch`);
  const width = declaredSize(declaredWidth, config.inputWidth, 'width', config, logger) ?? unsupported('dynamic input width; set inputWidth');
  const height = declaredSize(declaredHeight, config.inputHeight, 'height', config, logger) ?? unsupported('dynamic input height; set inputHeight');
  const io = { imageInput: image.name, width, height, dynamicBatch: !(typeof batch === 'number' && batch > 0) };

  if (config.family === 'detr') {
    const sizes = inputs.find((m) => m !== image && m.type === 'int64') ?? unsupported('no int64 orig_target_sizes input');
    const labels = outputs.find((m) => m.type === 'int64' && m.shape.length === 2) ?? unsupported('no int64 [N,Q] labels output');
    const boxes = outputs.find((m) => m.type === 'float32' && m.shape.length === 3) ?? unsupported('no float32 [N,Q,4] boxes output');
    const scores = outputs.find((m) => m.type === 'float32' && m.shape.length === 2) ?? unsupported('no float32 [N,Q] scores output');
    return { ...io, sizesInput: sizes.name, outputs: [labels.name, boxes.name, scores.name], classCount: null };
  }
  const output = outputs.find((m) => m.type === 'float32' && m.shape.length === 3) ?? unsupported('no float32 rank-3 output');
  const classDim = config.family === 'yolox' ? output.shape[2] : output.shape[1];
  const offset = config.family === 'yolox' ? 5 : 4;
  if (typeof classDim === 'number' && classDim <= offset) unsupported(`output ${output.name} [${output.shape.join(', ')}] has no class scores`);
  return { ...io, outputs: [output.name], classCount: typeof classDim === 'number' ? classDim - offset : null };
}

function declaredSize(
  declared: number | string, configured: number | undefined, what: string, config: ModelConfig, logger: DetectorLogger,
): number | undefined {
  if (typeof declared !== 'number' || declared <= 0) return configured;
  if (configured !== undefined && configured !== declared) {
    logger.warn(`Model ${config.name}: configured input ${what} ${configured} ignored, the model declares ${declared}`);
  }
  return declared;
}

/** Config labels or COCO 80, padded with `class_<n>` up to the class count the model declares. */
function labelsFor(config: ModelConfig, classCount: number | null, logger: DetectorLogger): string[] {
  const names: readonly string[] = config.labels ?? COCO_CLASSES;
  if (classCount === null) return [...names];
  if (names.length > classCount) logger.warn(`Model ${config.name} declares ${classCount} classes but has ${names.length} labels; the extra labels are unused`);
  return Array.from({ length: classCount }, (_, id) => names[id] ?? `class_${id}`);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').map((line) => line.trim()).find(Boolean) ?? 'unknown error';
}
