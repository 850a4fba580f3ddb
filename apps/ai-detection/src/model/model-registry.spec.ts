import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadModelRegistry, resolveModel, selectModel } from './model-registry';
import { ModelConfigError, ModelUnavailableError } from './model.errors';

describe('model registry', () => {
  let root: string;
  let repo: string;
  let repoModels: string;
  let sharedModels: string;

  beforeEach(() => {
    // <root>/repo is the repository; <root>/shared/models sits beside it.
    root = mkdtempSync(join(tmpdir(), 'model-registry-'));
    repo = join(root, 'repo');
    repoModels = join(repo, 'models');
    sharedModels = join(root, 'shared', 'models');
    mkdirSync(repoModels, { recursive: true });
    mkdirSync(sharedModels, { recursive: true });
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('selects yolox_nano_416 by default and knows the three families', () => {
    expect(selectModel({}, repo)).toMatchObject({ name: 'yolox_nano_416', family: 'yolox', path: 'yolox_nano_416.onnx' });
    expect(loadModelRegistry({}, repo).map((entry) => entry.family).sort()).toEqual(['detr', 'yolov8', 'yolox']);
    expect(selectModel({ AI_MODEL: 'deimv2_hgnetv2_atto_coco_320' }, repo).family).toBe('detr');
  });

  it('names AI_MODEL when it is not in the registry', () => {
    expect(() => selectModel({ AI_MODEL: 'nope' }, repo)).toThrow(ModelConfigError);
    expect(() => selectModel({ AI_MODEL: 'nope' }, repo)).toThrow(/^AI_MODEL: unknown model "nope"; known: yolox_nano_416/);
  });

  it('adds and overrides entries from AI_MODEL_CONFIG, as JSON or as a file', () => {
    const custom = { name: 'yolox_s', family: 'yolox', path: 'yolox_s.onnx', labels: ['person'] };
    expect(selectModel({ AI_MODEL: 'yolox_s', AI_MODEL_CONFIG: JSON.stringify([custom]) }, repo))
      .toEqual({ ...custom, version: '1' });
    writeFileSync(join(repo, 'models.json'), JSON.stringify({ name: 'yolox_nano_416', version: '2', family: 'yolox', path: 'nano-v2.onnx' }));
    const registry = loadModelRegistry({ AI_MODEL_CONFIG: 'models.json' }, repo);
    expect(registry.filter((entry) => entry.name === 'yolox_nano_416')).toEqual([{ name: 'yolox_nano_416', version: '2', family: 'yolox', path: 'nano-v2.onnx' }]);
  });

  it('names AI_MODEL_CONFIG and the entry when the config is bad', () => {
    expect(() => loadModelRegistry({ AI_MODEL_CONFIG: '[{"name":' }, repo)).toThrow(/^AI_MODEL_CONFIG: not valid JSON/);
    expect(() => loadModelRegistry({ AI_MODEL_CONFIG: 'missing.json' }, repo)).toThrow(/^AI_MODEL_CONFIG: cannot read .*missing\.json \(ENOENT\)/);
    expect(() => loadModelRegistry({ AI_MODEL_CONFIG: '[{"name":"x","path":"x.onnx","family":"ssd"}]' }, repo))
      .toThrow('AI_MODEL_CONFIG: entry 0: "family" must be one of yolox, yolov8, detr');
    expect(() => loadModelRegistry({ AI_MODEL_CONFIG: '[{"name":"x","path":"x.onnx","family":"detr","inputWidth":0}]' }, repo))
      .toThrow(/entry 0: "inputWidth" must be a positive integer/);
  });

  it('looks in AI_MODEL_PATH, then <repo>/models, then <repo>/../shared/models', () => {
    writeFileSync(join(sharedModels, 'yolox_nano_416.onnx'), 'shared');
    expect(resolveModel({}, repo).path).toBe(join(sharedModels, 'yolox_nano_416.onnx'));
    writeFileSync(join(repoModels, 'yolox_nano_416.onnx'), 'local');
    expect(resolveModel({}, repo).path).toBe(join(repoModels, 'yolox_nano_416.onnx'));
    writeFileSync(join(root, 'mine.onnx'), 'override');
    expect(resolveModel({ AI_MODEL_PATH: join(root, 'mine.onnx') }, repo)).toMatchObject({
      path: join(root, 'mine.onnx'), config: { name: 'yolox_nano_416' },
    });
    expect(resolveModel({ AI_MODEL: 'yolov8n_int8_dynamic', AI_MODEL_PATH: '../mine.onnx' }, repo).path).toBe(join(root, 'mine.onnx'));
  });

  it('reports a missing model as ModelUnavailableError naming every path tried', () => {
    const error = captureError(() => resolveModel({ AI_MODEL: 'yolov8n_int8_dynamic', AI_MODEL_PATH: '/nowhere/model.onnx' }, repo));
    const tried = ['/nowhere/model.onnx', join(repoModels, 'agpl/yolov8n_int8_dynamic.onnx'), join(sharedModels, 'agpl/yolov8n_int8_dynamic.onnx')];
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect(error).toMatchObject({ code: 'MODEL.UNAVAILABLE', kind: 'unavailable', reason: 'not_found', triedPaths: tried });
    for (const path of tried) expect((error as Error).message).toContain(path);
  });

  it('treats a folder as no model', () => {
    mkdirSync(join(repoModels, 'yolox_nano_416.onnx'));
    expect(() => resolveModel({}, repo)).toThrow(ModelUnavailableError);
  });

  it('finds the default model from this repository (models/ or ../shared/models/)', () => {
    const repoRoot = resolve(__dirname, '../../../..');
    expect([join(repoRoot, 'models/yolox_nano_416.onnx'), resolve(repoRoot, '../shared/models/yolox_nano_416.onnx')])
      .toContain(resolveModel({}).path);
  });
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
