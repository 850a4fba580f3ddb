import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ModelConfig, ModelFamily } from './detector.port';
import { ModelConfigError, ModelUnavailableError } from './model.errors';

export const DEFAULT_MODEL_NAME = 'yolox_nano_416';

/** The families the built-in decoders understand. */
export const MODEL_FAMILIES: readonly ModelFamily[] = ['yolox', 'yolov8', 'detr'];

/** Models the project knows without configuration; files are never committed (see models/README.md). */
export const BUILT_IN_MODELS: readonly ModelConfig[] = [
  { name: 'yolox_nano_416', version: '1', family: 'yolox', path: 'yolox_nano_416.onnx' },
  { name: 'deimv2_hgnetv2_atto_coco_320', version: '1', family: 'detr', path: 'deimv2_hgnetv2_atto_coco_320.onnx' },
  // AGPL-3.0 weights: a test fixture for the yolov8 decoder, never a default.
  { name: 'yolov8n_int8_dynamic', version: '1', family: 'yolov8', path: 'agpl/yolov8n_int8_dynamic.onnx' },
];

/** The environment variables the registry reads (a subset of the service's validated env). */
export interface ModelRegistryEnv {
  /** Registry entry to use; default `yolox_nano_416`. */
  AI_MODEL?: string;
  /** Extra or overriding entries: a JSON array of ModelConfig, or a path to a JSON file holding one. */
  AI_MODEL_CONFIG?: string;
  /** A model file that replaces the selected entry's path. */
  AI_MODEL_PATH?: string;
}

export interface ResolvedModel {
  config: ModelConfig;
  /** Absolute path of the model file. */
  path: string;
  /** Every candidate looked at, in order, the chosen one last. */
  triedPaths: string[];
}

/** The built-in entries plus those of AI_MODEL_CONFIG (an entry with a built-in's name replaces it). */
export function loadModelRegistry(env: ModelRegistryEnv, repoRoot = findRepoRoot()): ModelConfig[] {
  const byName = new Map(BUILT_IN_MODELS.map((entry) => [entry.name, entry]));
  for (const entry of parseModelConfig(env.AI_MODEL_CONFIG, repoRoot)) byName.set(entry.name, entry);
  return [...byName.values()];
}

/** The entry named by AI_MODEL; an unknown name is a configuration error. */
export function selectModel(env: ModelRegistryEnv, repoRoot = findRepoRoot()): ModelConfig {
  const registry = loadModelRegistry(env, repoRoot);
  const name = env.AI_MODEL?.trim() || DEFAULT_MODEL_NAME;
  const entry = registry.find((candidate) => candidate.name === name);
  if (!entry) throw new ModelConfigError('AI_MODEL', `unknown model "${name}"; known: ${registry.map((e) => e.name).join(', ')}`);
  return entry;
}

/**
 * Finds the model file: AI_MODEL_PATH, then the entry's path (absolute), `<repo>/models/<path>`, `<repo>/../shared/models/<path>`.
 * Throws ModelUnavailableError naming every path tried when none is a file.
 */
export function resolveModelFile(config: ModelConfig, env: ModelRegistryEnv, repoRoot = findRepoRoot()): ResolvedModel {
  const candidates: string[] = [];
  if (env.AI_MODEL_PATH?.trim()) candidates.push(resolve(repoRoot, env.AI_MODEL_PATH.trim()));
  if (isAbsolute(config.path)) candidates.push(config.path);
  else candidates.push(join(repoRoot, 'models', config.path), resolve(repoRoot, '..', 'shared', 'models', config.path));
  const triedPaths: string[] = [];
  for (const candidate of candidates) {
    triedPaths.push(candidate);
    if (isFile(candidate)) return { config, path: candidate, triedPaths };
  }
  throw new ModelUnavailableError('not_found', `Model "${config.name}" not found; tried ${triedPaths.join(', ')} (see models/README.md to download it)`, triedPaths);
}

/** selectModel + resolveModelFile: the model the service should load. */
export function resolveModel(env: ModelRegistryEnv, repoRoot = findRepoRoot()): ResolvedModel {
  return resolveModelFile(selectModel(env, repoRoot), env, repoRoot);
}

/** The nearest folder above this file holding a package.json (the repository, or /app in the image). */
export function findRepoRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

function parseModelConfig(raw: string | undefined, repoRoot: string): ModelConfig[] {
  const text = raw?.trim();
  if (!text) return [];
  let json: unknown;
  try {
    json = JSON.parse(/^[[{]/.test(text) ? text : readConfigFile(text, repoRoot));
  } catch (error) {
    if (error instanceof ModelConfigError) throw error;
    throw new ModelConfigError('AI_MODEL_CONFIG', `not valid JSON (${(error as Error).message})`);
  }
  const entries = Array.isArray(json) ? json : [json];
  return entries.map((entry, index) => validateEntry(entry, index));
}

function readConfigFile(path: string, repoRoot: string): string {
  const file = resolve(repoRoot, path);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ModelConfigError('AI_MODEL_CONFIG', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function validateEntry(entry: unknown, index: number): ModelConfig {
  const fail = (message: string): never => {
    throw new ModelConfigError('AI_MODEL_CONFIG', `entry ${index}: ${message}`);
  };
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return fail('must be an object');
  const e = entry as Record<string, unknown>;
  for (const key of ['name', 'path'] as const) {
    if (typeof e[key] !== 'string' || !(e[key] as string).trim()) fail(`"${key}" must be a non-empty string`);
  }
  if (!MODEL_FAMILIES.includes(e.family as ModelFamily)) fail(`"family" must be one of ${MODEL_FAMILIES.join(', ')}`);
  if (e.version !== undefined && typeof e.version !== 'string') fail('"version" must be a string');
  for (const key of ['inputWidth', 'inputHeight'] as const) {
    if (e[key] !== undefined && !(Number.isInteger(e[key]) && (e[key] as number) > 0)) fail(`"${key}" must be a positive integer`);
  }
  if (e.labels !== undefined && !(Array.isArray(e.labels) && e.labels.every((label) => typeof label === 'string'))) {
    fail('"labels" must be an array of strings');
  }
  return {
    name: e.name as string,
    version: (e.version as string | undefined) ?? '1',
    family: e.family as ModelFamily,
    path: e.path as string,
    ...(e.inputWidth !== undefined ? { inputWidth: e.inputWidth as number } : {}),
    ...(e.inputHeight !== undefined ? { inputHeight: e.inputHeight as number } : {}),
    ...(e.labels !== undefined ? { labels: e.labels as string[] } : {}),
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
