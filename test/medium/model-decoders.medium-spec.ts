import path from 'node:path';
import type { RawDetection } from '../../apps/ai-detection/src/model/detector.port';
import { ModelUnavailableError } from '../../apps/ai-detection/src/model/model.errors';
import { resolveModel } from '../../apps/ai-detection/src/model/model-registry';
import { OnnxDetector } from '../../apps/ai-detection/src/model/onnx-detector';
import { iou, nms } from '../../apps/ai-detection/src/pipeline/domain/nms';
import fixtures from '../fixtures/detector-boxes.json';
import { loadTestImage } from '../support/load-test-image';

const MEDIA = path.resolve(__dirname, '../../../shared/media');
const VEHICLES = new Set(['car', 'truck', 'bus']);
type Box = [number, number, number, number];

/** The best detection whose label passes `accept` and whose box overlaps `expected` by IoU > 0.5. */
function findMatch(detections: RawDetection[], accept: (label: string) => boolean, expected: Box) {
  return detections.filter((detection) => accept(detection.label)).find((detection) => iou(detection.box, expected) > 0.5);
}

async function detect(detector: OnnxDetector, image: string): Promise<RawDetection[]> {
  const frame = await loadTestImage(path.join(MEDIA, image), detector.info.frameFormat);
  const [candidates] = await detector.detect([frame], 0.35);
  return nms(candidates, 0.45);
}

/** Each decoder family on the real shared models and images, through the real onnxruntime (CPU). */
describe.each([
  ['yolox_nano_416', 'yolox', ['horse']],
  ['yolov8n_int8_dynamic', 'yolov8', ['horse']],
  // DEIMv2 atto is weaker: its README documents that it calls the horse a sheep.
  ['deimv2_hgnetv2_atto_coco_320', 'detr', ['horse', 'sheep', 'cow']],
] as const)('%s decoder (%s)', (model, family, horseLabels) => {
  let detector: OnnxDetector;

  beforeAll(async () => {
    detector = await OnnxDetector.create(resolveModel({ AI_MODEL: model }), { executionProvider: 'cpu', intraOpNumThreads: 2 });
  });

  afterAll(async () => {
    await detector.dispose();
  });

  it('declares its family and the 80 COCO classes', () => {
    expect(detector.info.family).toBe(family);
    expect(detector.info.labels).toHaveLength(80);
  });

  it('finds the dog, the bicycle and the van (car/truck) of dog.jpg where they are', async () => {
    const found = await detect(detector, 'dog.jpg');
    const expected = fixtures['dog.jpg'] as unknown as Record<string, Box>;
    expect(findMatch(found, (label) => label === 'dog', expected.dog)).toBeDefined();
    expect(findMatch(found, (label) => label === 'bicycle', expected.bicycle)).toBeDefined();
    expect(findMatch(found, (label) => VEHICLES.has(label), expected.vehicle)).toBeDefined();
  });

  it('finds the person, the horse and the dog of person_horse_dog.jpg', async () => {
    const found = await detect(detector, 'person_horse_dog.jpg');
    const expected = fixtures['person_horse_dog.jpg'] as unknown as Record<string, Box>;
    expect(findMatch(found, (label) => label === 'person', expected.person)).toBeDefined();
    expect(findMatch(found, (label) => (horseLabels as readonly string[]).includes(label), expected.horse)).toBeDefined();
    expect(findMatch(found, (label) => label === 'dog', expected.dog)).toBeDefined();
  });

  it('finds nothing where there is nothing: no box is claimed in the empty top-left corner of dog.jpg', async () => {
    const found = await detect(detector, 'dog.jpg');
    expect(found.filter((detection) => detection.box[2] < 0.15 && detection.box[3] < 0.15)).toEqual([]);
  });
});

describe('batching and model discovery', () => {
  it('frames of several cameras in one run give the same detections as one run each (dynamic batch model)', async () => {
    const detector = await OnnxDetector.create(resolveModel({ AI_MODEL: 'deimv2_hgnetv2_atto_coco_320' }), { executionProvider: 'cpu' });
    try {
      expect(detector.info.maxBatch).toBeGreaterThan(1);
      const frames = await Promise.all(['dog.jpg', 'person_horse_dog.jpg', 'cyclist.jpg'].map((image) => loadTestImage(path.join(MEDIA, image), detector.info.frameFormat)));
      const batched = await detector.detect(frames, 0.35);
      const single: RawDetection[][] = [];
      for (const frame of frames) single.push((await detector.detect([frame], 0.35))[0]);
      expect(batched).toHaveLength(3);
      for (let index = 0; index < 3; index++) {
        expect(batched[index].map((detection) => detection.label)).toEqual(single[index].map((detection) => detection.label));
        batched[index].forEach((detection, at) => expect(iou(detection.box, single[index][at].box)).toBeGreaterThan(0.99));
      }
    } finally {
      await detector.dispose();
    }
  });

  it('a model that is nowhere to be found is a ModelUnavailableError naming every path tried', () => {
    const env = { AI_MODEL: 'gone', AI_MODEL_CONFIG: JSON.stringify([{ name: 'gone', version: '1', family: 'yolox', path: 'gone.onnx' }]) };
    expect(() => resolveModel(env)).toThrow(ModelUnavailableError);
    try {
      resolveModel(env);
    } catch (error) {
      expect((error as Error).message).toMatch(/models\/gone\.onnx.*shared\/models\/gone\.onnx/);
    }
  });

  it('auto provider ends on the CPU on a machine without a GPU, and says so', async () => {
    const detector = await OnnxDetector.create(resolveModel({}), { executionProvider: 'auto' });
    try {
      expect(detector.info.executionProvider).toBe('cpu');
    } finally {
      await detector.dispose();
    }
  });
});
