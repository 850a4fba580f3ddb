import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { COCO_CLASSES } from '@vms/contracts/cameras/coco-classes';
import { loadTestImage } from '../../../../test/support/load-test-image';
import type { Frame } from '../frames/frame';
import type { RawDetection } from './detector.port';
import { resolveModel, ResolvedModel } from './model-registry';
import { CircuitOpenError, FrameMismatchError, ModelUnavailableError } from './model.errors';
import { DetectorLogger, OnnxDetector, OnnxDetectorOptions, RunTiming } from './onnx-detector';
import fixtures from './media-boxes.fixture.json';

const MEDIA = join(__dirname, '../../../../../shared/media');
const MIN_SCORE = 0.3;
type Box = RawDetection['box'];

/** One box per class, the best scoring (stands in for NMS in these assertions). */
function bestPerClass(detections: RawDetection[]): Map<string, RawDetection> {
  const best = new Map<string, RawDetection>();
  for (const d of detections) if ((best.get(d.label)?.score ?? -1) < d.score) best.set(d.label, d);
  return best;
}

function iou(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = w * h;
  return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
}

/** The best box among `labels` (e.g. car or truck for the van); fails when none of them was found. */
function found(detections: RawDetection[], labels: string[]): RawDetection {
  const candidates = [...bestPerClass(detections).values()].filter((d) => labels.includes(d.label));
  if (candidates.length === 0) throw new Error(`none of ${labels.join('/')} in ${detections.map((d) => d.label).join(', ')}`);
  return candidates.reduce((a, b) => (b.score > a.score ? b : a));
}

function expectObject(detections: RawDetection[], labels: string[], reference: number[], minScore: number): void {
  const detection = found(detections, labels);
  expect(detection.score).toBeGreaterThanOrEqual(minScore);
  expect(iou(detection.box, reference as Box)).toBeGreaterThan(0.5);
  expect(detection.label).toBe(COCO_CLASSES[detection.classId]);
}

function captureLogger(): DetectorLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, log: (m) => lines.push(`log ${m}`), warn: (m) => lines.push(`warn ${m}`) };
}

async function open(name: string, options: OnnxDetectorOptions = {}): Promise<OnnxDetector> {
  return OnnxDetector.create(resolveModel({ AI_MODEL: name }), { logger: captureLogger(), ...options });
}

async function framesFor(detector: OnnxDetector, files: string[]): Promise<Frame[]> {
  return Promise.all(files.map((file) => loadTestImage(join(MEDIA, file), detector.info.frameFormat, file)));
}

describe('OnnxDetector on the shared models and media', () => {
  describe('yolox_nano_416 (default)', () => {
    let detector: OnnxDetector;
    const runs: RunTiming[] = [];
    let dog: Frame;
    let people: Frame;

    beforeAll(async () => {
      detector = await open('yolox_nano_416', { onRun: (timing) => runs.push(timing) });
      [dog, people] = await framesFor(detector, ['dog.jpg', 'person_horse_dog.jpg']);
    });
    afterAll(() => detector.dispose());

    it('reads its shapes from the model: 416x416 top-left letterbox, fixed batch of 1, 80 COCO classes', () => {
      expect(detector.info).toEqual({
        name: 'yolox_nano_416', version: '1', family: 'yolox', labels: [...COCO_CLASSES], executionProvider: 'cpu', maxBatch: 1,
        frameFormat: { width: 416, height: 416, fit: 'letterbox-top-left', padRgb: [114, 114, 114] },
      });
      expect(dog.content).toEqual({ x: 0, y: 0, width: 416, height: 312 });
    });

    it('warms up with one dummy frame', async () => {
      const timing = await detector.warmUp();
      expect(timing).toMatchObject({ batchSize: 1, provider: 'cpu' });
      expect(timing.ms).toBeGreaterThan(0);
      expect(timing.totalMs).toBeGreaterThanOrEqual(timing.ms);
    });

    it('finds the dog, the bicycle and the van in dog.jpg where they are, and the person, horse and dog', async () => {
      runs.length = 0;
      const [onDog, onPeople] = await detector.detect([dog, people], MIN_SCORE);
      expectObject(onDog, ['dog'], fixtures['dog.jpg'].dog, 0.7);
      expectObject(onDog, ['bicycle'], fixtures['dog.jpg'].bicycle, 0.7);
      expectObject(onDog, ['car', 'truck'], fixtures['dog.jpg'].vehicle, 0.7);
      expectObject(onPeople, ['person'], fixtures['person_horse_dog.jpg'].person, 0.7);
      expectObject(onPeople, ['horse'], fixtures['person_horse_dog.jpg'].horse, 0.7);
      expectObject(onPeople, ['dog'], fixtures['person_horse_dog.jpg'].dog, 0.7);
      expect([...onDog, ...onPeople].every((d) => d.score >= MIN_SCORE)).toBe(true);
      // A fixed batch of 1: two frames are two runs.
      expect(runs.map((run) => run.batchSize)).toEqual([1, 1]);
    });

    it('refuses a frame of another size', async () => {
      const other = await loadTestImage(join(MEDIA, 'dog.jpg'), { ...detector.info.frameFormat, width: 320, height: 320 });
      await expect(detector.detect([other], MIN_SCORE)).rejects.toBeInstanceOf(FrameMismatchError);
    });
  });

  describe('yolov8n int8 (AGPL test fixture)', () => {
    let detector: OnnxDetector;
    beforeAll(async () => { detector = await open('yolov8n_int8_dynamic'); });
    afterAll(() => detector.dispose());

    it('finds the same objects through a centred letterbox', async () => {
      expect(detector.info).toMatchObject({ family: 'yolov8', maxBatch: 1, frameFormat: { width: 640, height: 640, fit: 'letterbox-center' } });
      const [dog, people] = await framesFor(detector, ['dog.jpg', 'person_horse_dog.jpg']);
      expect(dog.content).toEqual({ x: 0, y: 80, width: 640, height: 480 });
      const [onDog, onPeople] = await detector.detect([dog, people], MIN_SCORE);
      expectObject(onDog, ['dog'], fixtures['dog.jpg'].dog, 0.7);
      expectObject(onDog, ['bicycle'], fixtures['dog.jpg'].bicycle, 0.7);
      expectObject(onDog, ['car', 'truck'], fixtures['dog.jpg'].vehicle, 0.4);
      expectObject(onPeople, ['person'], fixtures['person_horse_dog.jpg'].person, 0.7);
      expectObject(onPeople, ['horse'], fixtures['person_horse_dog.jpg'].horse, 0.7);
      expectObject(onPeople, ['dog'], fixtures['person_horse_dog.jpg'].dog, 0.7);
    });
  });

  describe('DEIMv2 atto (detr, dynamic batch)', () => {
    let detector: OnnxDetector;
    const runs: RunTiming[] = [];
    let frames: Frame[];

    beforeAll(async () => {
      detector = await open('deimv2_hgnetv2_atto_coco_320', { onRun: (timing) => runs.push(timing) });
      frames = await framesFor(detector, ['dog.jpg', 'person_horse_dog.jpg', 'cyclist.jpg']);
    });
    afterAll(() => detector.dispose());

    it('stretches to 320x320 and batches up to the configured maximum', () => {
      expect(detector.info).toMatchObject({ family: 'detr', maxBatch: 8, frameFormat: { width: 320, height: 320, fit: 'stretch' } });
      expect(frames[0].content).toEqual({ x: 0, y: 0, width: 320, height: 320 });
    });

    it('finds the van, bicycle and dog, and the person, dog and horse (which it may call sheep or cow)', async () => {
      const [onDog, onPeople] = await detector.detect(frames.slice(0, 2), MIN_SCORE);
      expectObject(onDog, ['car', 'truck'], fixtures['dog.jpg'].vehicle, 0.5);
      expectObject(onDog, ['bicycle'], fixtures['dog.jpg'].bicycle, 0.4);
      expectObject(onDog, ['dog'], fixtures['dog.jpg'].dog, 0.4);
      expectObject(onPeople, ['person'], fixtures['person_horse_dog.jpg'].person, 0.5);
      expectObject(onPeople, ['horse', 'sheep', 'cow'], fixtures['person_horse_dog.jpg'].horse, 0.5);
      expectObject(onPeople, ['dog'], fixtures['person_horse_dog.jpg'].dog, 0.4);
    });

    it('gives the same detections for 3 frames in one run as in 3 single runs', async () => {
      runs.length = 0;
      const batched = await detector.detect(frames, MIN_SCORE);
      const single: RawDetection[][] = [];
      for (const frame of frames) single.push(...(await detector.detect([frame], MIN_SCORE)));
      expect(runs.map((run) => run.batchSize)).toEqual([3, 1, 1, 1]);
      expect(batched.map((d) => d.length)).toEqual(single.map((d) => d.length));
      expect(batched.every((d) => d.length > 0)).toBe(true);
      batched.forEach((detections, i) => detections.forEach((d, j) => {
        expect(d.label).toBe(single[i][j].label);
        expect(d.score).toBeCloseTo(single[i][j].score, 4);
        d.box.forEach((v, k) => expect(v).toBeCloseTo(single[i][j].box[k], 4));
      }));
    });

    it('splits larger batches into chunks of maxBatch', async () => {
      const small = await open('deimv2_hgnetv2_atto_coco_320', { maxBatch: 2, onRun: (timing) => runs.push(timing) });
      try {
        runs.length = 0;
        const results = await small.detect(frames, MIN_SCORE);
        expect(results).toHaveLength(3);
        expect(runs.map((run) => run.batchSize)).toEqual([2, 1]);
      } finally {
        await small.dispose();
      }
    });
  });
});

describe('OnnxDetector loading', () => {
  const yolox = (): ResolvedModel => resolveModel({});
  let scratch: string;
  beforeAll(() => { scratch = mkdtempSync(join(tmpdir(), 'onnx-detector-')); });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('auto tries cuda and webgpu, ends on cpu on this machine and says why', async () => {
    const logger = captureLogger();
    const detector = await OnnxDetector.create(yolox(), { executionProvider: 'auto', logger });
    try {
      expect(detector.info.executionProvider).toBe('cpu');
      expect(logger.lines).toEqual(expect.arrayContaining([
        expect.stringMatching(/^warn Execution provider cuda unavailable: .+/),
        expect.stringMatching(/^warn Execution provider webgpu unavailable: .+/),
        expect.stringMatching(/^log Execution provider auto: using cpu \(cuda failed: .+; webgpu failed: .+\)$/),
      ]));
    } finally {
      await detector.dispose();
    }
  });

  it('an explicit provider that cannot start makes the model unavailable', async () => {
    const error = await OnnxDetector.create(yolox(), { executionProvider: 'cuda', logger: captureLogger() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect(error).toMatchObject({ reason: 'provider_failed', message: expect.stringContaining('cuda failed') });
  });

  it('a file that is no model, or a model of another family, is unavailable with the reason', async () => {
    const junk = join(scratch, 'junk.onnx');
    writeFileSync(junk, 'not a model');
    await expect(OnnxDetector.create({ ...yolox(), path: junk }, { logger: captureLogger() }))
      .rejects.toMatchObject({ reason: 'load_failed', triedPaths: [junk] });
    const asDetr = { ...yolox(), config: { ...yolox().config, family: 'detr' as const } };
    await expect(OnnxDetector.create(asDetr, { logger: captureLogger() }))
      .rejects.toMatchObject({ reason: 'unsupported_model', message: expect.stringContaining('not a detr model') });
  });

  it('names classes beyond the configured labels class_<n>', async () => {
    const model = yolox();
    const detector = await OnnxDetector.create({ ...model, config: { ...model.config, labels: ['person', 'bike'] } }, { logger: captureLogger() });
    try {
      expect(detector.info.labels).toHaveLength(80);
      expect(detector.info.labels.slice(0, 3)).toEqual(['person', 'bike', 'class_2']);
    } finally {
      await detector.dispose();
    }
  });

  it.each([
    ['yolox_nano_416', [0, 0, 255], 'BGR 0..255'],
    ['yolov8n_int8_dynamic', [1, 0, 0], 'RGB 0..1'],
    ['deimv2_hgnetv2_atto_coco_320', [1, 0, 0], 'RGB 0..1'],
  ])('feeds %s the tensor its family wants (%j: %s)', async (name, planes) => {
    const feeds: ort.InferenceSession.FeedsType[] = [];
    const detector = await open(name, {
      createSession: async (path, options) => {
        const session = await ort.InferenceSession.create(path, options);
        const run = session.run.bind(session) as (f: ort.InferenceSession.FeedsType) => Promise<ort.InferenceSession.ReturnType>;
        return Object.assign(session, { run: (f: ort.InferenceSession.FeedsType) => { feeds.push(f); return run(f); } });
      },
    });
    try {
      const { width, height } = detector.info.frameFormat;
      const red = Buffer.alloc(width * height * 3);
      for (let i = 0; i < red.length; i += 3) red[i] = 255;
      const frame: Frame = {
        cameraId: 'red', capturedAt: 0, rgb: red, format: detector.info.frameFormat, source: { width, height }, content: { x: 0, y: 0, width, height },
      };
      await detector.detect([frame], MIN_SCORE);
      const images = feeds[0].images;
      expect(images.dims).toEqual([1, 3, height, width]);
      const data = images.data as Float32Array;
      const plane = width * height;
      expect([0, 1, 2].map((c) => [data[c * plane], data[c * plane + plane - 1]])).toEqual(planes.map((v) => [v, v]));
      if (detector.info.family === 'detr') {
        expect(feeds[0].orig_target_sizes.dims).toEqual([1, 2]);
        expect(Array.from(feeds[0].orig_target_sizes.data as BigInt64Array)).toEqual([BigInt(width), BigInt(height)]);
      } else {
        expect(Object.keys(feeds[0])).toEqual(['images']);
      }
    } finally {
      await detector.dispose();
    }
  });

  it('opens the circuit after K failed runs and lets one trial through after the cool-down', async () => {
    let now = 5_000;
    let failing = true;
    let modelRuns = 0;
    const detector = await OnnxDetector.create(yolox(), {
      logger: captureLogger(), failureThreshold: 2, coolDownMs: 10_000, now: () => now,
      createSession: async (path, options) => {
        const session = await ort.InferenceSession.create(path, options);
        const run = session.run.bind(session) as (feeds: ort.InferenceSession.FeedsType) => Promise<ort.InferenceSession.ReturnType>;
        return Object.assign(session, {
          run: (feeds: ort.InferenceSession.FeedsType) => {
            modelRuns++;
            return failing ? Promise.reject(new Error('device lost')) : run(feeds);
          },
        });
      },
    });
    try {
      const [frame] = await framesFor(detector, ['dog.jpg']);
      await expect(detector.detect([frame], MIN_SCORE)).rejects.toThrow('device lost');
      await expect(detector.detect([frame], MIN_SCORE)).rejects.toThrow('device lost');
      expect(detector.circuitState).toBe('open');
      await expect(detector.detect([frame], MIN_SCORE)).rejects.toBeInstanceOf(CircuitOpenError);
      expect(modelRuns).toBe(2);
      now += 10_000;
      expect(detector.circuitState).toBe('half-open');
      failing = false;
      const [detections] = await detector.detect([frame], MIN_SCORE);
      expect(found(detections, ['dog']).score).toBeGreaterThan(0.7);
      expect(detector.circuitState).toBe('closed');
      expect(modelRuns).toBe(3);
    } finally {
      await detector.dispose();
    }
  });
});
