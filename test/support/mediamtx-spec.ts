import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

/**
 * MediaMTX's official Control API spec (OpenAPI 3.0) and default config, as test oracles:
 * an ajv validator for request/response bodies and a generator of sample values.
 */

/** `../shared/specs/mediamtx` next to the checkout, unless MEDIAMTX_SPEC_DIR says otherwise. */
export const MEDIAMTX_SPEC_DIR = process.env.MEDIAMTX_SPEC_DIR ?? path.resolve(__dirname, '../../../shared/specs/mediamtx');

export type OpenApiSchema = { [keyword: string]: unknown };

interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: OpenApiSchema;
}

interface OpenApiMedia {
  schema?: OpenApiSchema;
}

export interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, OpenApiMedia> };
  responses?: Record<string, { content?: Record<string, OpenApiMedia> }>;
}

interface OpenApiDocument {
  openapi: string;
  components: { schemas: Record<string, OpenApiSchema> };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface OperationMatch {
  method: string;
  /** The spec's path template, e.g. `/v3/config/paths/replace/{name}`. */
  template: string;
  operationId: string;
  pathParams: Record<string, string>;
  operation: OpenApiOperation;
}

export interface SampleOptions {
  /** `value` (default): nullable fields get a value; `null`: every nullable field is null. */
  nullable?: 'value' | 'null';
}

export interface RequestToValidate {
  query: URLSearchParams;
  contentType: string | undefined;
  /** Raw body text; empty when the request had none. */
  body: string;
}

const REF_PREFIX = '#/components/schemas/';
const LOOSE_ID = 'mediamtx-openapi';
const STRICT_ID = 'mediamtx-openapi-strict';
/** Annotations: no effect on validation. */
const ANNOTATIONS = new Set(['description', 'deprecated', 'default', 'example', 'title', 'readOnly', 'writeOnly', 'externalDocs', 'xml']);
/** Keywords that mean the same in OpenAPI 3.0 and JSON Schema draft-07. */
const SAME_MEANING = new Set([
  'type', 'enum', 'format', 'required', 'minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'pattern',
  'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
]);

export class MediaMtxSpec {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
    addFormats(this.ajv);
    this.ajv.addFormat('uint64', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 });
    const schemas = document.components.schemas;
    this.ajv.addSchema({ $id: LOOSE_ID, definitions: mapValues(schemas, (s) => toJsonSchema(s, LOOSE_ID, false)) });
    this.ajv.addSchema({ $id: STRICT_ID, definitions: mapValues(schemas, (s) => toJsonSchema(s, STRICT_ID, true)) });
  }

  static load(dir = MEDIAMTX_SPEC_DIR): MediaMtxSpec {
    const document = parseYaml(readSpecFile(dir, 'openapi.yaml')) as OpenApiDocument;
    if (typeof document?.openapi !== 'string' || !document.openapi.startsWith('3.0.')) {
      throw new Error(`expected an OpenAPI 3.0 document, got openapi: ${String(document?.openapi)}`);
    }
    return new MediaMtxSpec(document);
  }

  component(name: string): OpenApiSchema {
    const schema = this.document.components.schemas[name];
    if (!schema) throw new Error(`the spec has no components.schemas.${name}`);
    return schema;
  }

  /** Property names a component schema declares. */
  declaredProperties(name: string): string[] {
    const properties = this.component(name).properties;
    return isRecord(properties) ? Object.keys(properties) : [];
  }

  /** The operation the spec declares for this method and concrete path, with its path parameters. */
  findOperation(method: string, pathname: string): OperationMatch | null {
    for (const [template, item] of Object.entries(this.document.paths)) {
      const operation = item[method.toLowerCase()];
      if (!operation) continue;
      const names: string[] = [];
      const pattern = template
        .split('/')
        .map((segment) => {
          const param = /^\{(.+)\}$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(param[1]);
          return '([^/]+)';
        })
        .join('/');
      const found = new RegExp(`^${pattern}$`).exec(pathname);
      if (!found) continue;
      const pathParams = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
      return { method: method.toUpperCase(), template, operationId: operation.operationId ?? template, pathParams, operation };
    }
    return null;
  }

  /** Every way the request breaks the operation's declared parameters and request body (empty: valid). */
  validateRequest(match: OperationMatch, request: RequestToValidate): string[] {
    const where = `${match.method} ${match.template}`;
    const violations: string[] = [];
    const parameters = match.operation.parameters ?? [];

    for (const [name, raw] of request.query) {
      const declared = parameters.find((p) => p.in === 'query' && p.name === name);
      if (!declared) {
        violations.push(`${where}: query parameter "${name}" is not declared`);
        continue;
      }
      const value = coerceParameter(raw, declared.schema);
      for (const error of this.validate(declared.schema ?? {}, value)) violations.push(`${where}: query ${name}=${raw}: ${error}`);
    }
    for (const declared of parameters) {
      if (declared.in === 'query' && declared.required && !request.query.has(declared.name)) {
        violations.push(`${where}: required query parameter "${declared.name}" is missing`);
      }
      if (declared.in === 'path') {
        const value = match.pathParams[declared.name];
        if (!value) violations.push(`${where}: path parameter "${declared.name}" is empty`);
        else for (const error of this.validate(declared.schema ?? {}, value)) violations.push(`${where}: path ${declared.name}: ${error}`);
      }
    }

    const requestBody = match.operation.requestBody;
    if (!requestBody) {
      if (request.body.length > 0) violations.push(`${where}: the operation takes no request body`);
      return violations;
    }
    if (request.body.length === 0) {
      if (requestBody.required) violations.push(`${where}: the request body is required`);
      return violations;
    }
    const schema = requestBody.content?.['application/json']?.schema;
    if (!schema || !request.contentType?.startsWith('application/json')) {
      violations.push(`${where}: the body must be application/json, got ${request.contentType ?? 'no content type'}`);
      return violations;
    }
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      violations.push(`${where}: the body is not JSON`);
      return violations;
    }
    for (const error of this.validate(schema, body, { strict: true })) violations.push(`${where}: body ${error}`);
    return violations;
  }

  /** The schema of the JSON answer the operation declares for this status, if any. */
  responseSchema(operation: OpenApiOperation, status: number): OpenApiSchema | null {
    return operation.responses?.[String(status)]?.content?.['application/json']?.schema ?? null;
  }

  /**
   * Validates a value against a spec schema (or a component name). `strict` forbids properties
   * the spec does not declare: the spec never sets additionalProperties, so a misspelt key
   * would pass the plain schema.
   */
  validate(schema: OpenApiSchema | string, value: unknown, options: { strict?: boolean } = {}): string[] {
    const openApi = typeof schema === 'string' ? { $ref: REF_PREFIX + schema } : schema;
    const root = options.strict ? STRICT_ID : LOOSE_ID;
    const key = `${root} ${JSON.stringify(openApi)}`;
    let validator = this.validators.get(key);
    if (!validator) {
      validator = this.ajv.compile(toJsonSchema(openApi, root, options.strict ?? false));
      this.validators.set(key, validator);
    }
    return validator(value) ? [] : (validator.errors ?? []).map(describeError);
  }

  /**
   * A sample value for a schema (or component name): objects with every declared property,
   * arrays with one item, the first enum value or oneOf/anyOf alternative, fixed scalars by type.
   */
  sample(schema: OpenApiSchema | string, options: SampleOptions = {}): unknown {
    return this.sampleOf(typeof schema === 'string' ? this.component(schema) : schema, options, 0);
  }

  private sampleOf(schema: OpenApiSchema, options: SampleOptions, depth: number): unknown {
    if (depth > 32) throw new Error('the schema nests too deep to sample');
    if (typeof schema.$ref === 'string') return this.sampleOf(this.resolve(schema.$ref), options, depth + 1);
    if (schema.nullable === true && options.nullable === 'null') return null;
    if (Array.isArray(schema.enum)) return schema.enum[0];
    if (Array.isArray(schema.allOf)) {
      const parts = (schema.allOf as OpenApiSchema[]).map((part) => this.sampleOf(part, options, depth + 1));
      return parts.every(isRecord) ? Object.assign({}, ...parts, this.sampleProperties(schema, options, depth)) : parts[0];
    }
    for (const alternatives of [schema.oneOf, schema.anyOf]) {
      if (Array.isArray(alternatives)) return this.sampleOf(alternatives[0] as OpenApiSchema, options, depth + 1);
    }
    switch (schema.type) {
      case 'object':
        return this.sampleProperties(schema, options, depth);
      case 'array':
        return isRecord(schema.items) ? [this.sampleOf(schema.items, options, depth + 1)] : [];
      case 'string':
        return sampleString(schema.format);
      case 'integer':
        return 1;
      case 'number':
        return 1.5;
      case 'boolean':
        return true;
      default:
        throw new Error(`cannot sample the schema ${JSON.stringify(schema)}`);
    }
  }

  private sampleProperties(schema: OpenApiSchema, options: SampleOptions, depth: number): Record<string, unknown> {
    const properties = isRecord(schema.properties) ? schema.properties : {};
    return mapValues(properties as Record<string, OpenApiSchema>, (property) => this.sampleOf(property, options, depth + 1));
  }

  private resolve(ref: string): OpenApiSchema {
    if (!ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${ref}`);
    return this.component(ref.slice(REF_PREFIX.length));
  }
}

/** Top-level and pathDefaults keys of MediaMTX's documented default configuration. */
export function loadMediaMtxDefaultConfigKeys(dir = MEDIAMTX_SPEC_DIR): { topLevel: Set<string>; pathDefaults: Set<string> } {
  const config = parseYaml(readSpecFile(dir, 'mediamtx.default.yml')) as unknown;
  if (!isRecord(config) || !isRecord(config.pathDefaults)) throw new Error('mediamtx.default.yml has no pathDefaults section');
  return { topLevel: new Set(Object.keys(config)), pathDefaults: new Set(Object.keys(config.pathDefaults)) };
}

function readSpecFile(dir: string, name: string): string {
  const file = path.join(dir, name);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the MediaMTX spec file ${file} (set MEDIAMTX_SPEC_DIR): ${String(error)}`);
  }
}

/**
 * OpenAPI 3.0 schema -> JSON Schema draft-07 for ajv: `$ref`s point into one of the two
 * registered documents (siblings of `$ref` are ignored, as OpenAPI 3.0 says), `nullable: true`
 * becomes `anyOf [schema, null]` (so it also covers `allOf` wrappers), annotations are dropped
 * and any keyword not known here fails loudly rather than being ignored.
 */
function toJsonSchema(schema: OpenApiSchema, root: string, strict: boolean): Record<string, unknown> {
  if (typeof schema.$ref === 'string') {
    if (!schema.$ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${schema.$ref}`);
    return { $ref: `${root}#/definitions/${schema.$ref.slice(REF_PREFIX.length)}` };
  }
  const convert = (s: unknown) => toJsonSchema(s as OpenApiSchema, root, strict);
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || keyword === 'nullable' || keyword.startsWith('x-')) continue;
    if (keyword === 'properties') out.properties = mapValues(value as Record<string, unknown>, convert);
    else if (keyword === 'items' || keyword === 'not') out[keyword] = convert(value);
    else if (keyword === 'additionalProperties') out[keyword] = typeof value === 'boolean' ? value : convert(value);
    else if (keyword === 'allOf' || keyword === 'anyOf') out[keyword] = (value as unknown[]).map(convert);
    // The spec's only oneOf (PathTrackCodecProps) lists object schemas with no required or
    // additionalProperties, so any object matches several of them and oneOf rejects every value.
    else if (keyword === 'oneOf') out.anyOf = (value as unknown[]).map(convert);
    else if (SAME_MEANING.has(keyword)) out[keyword] = value;
    else throw new Error(`unsupported OpenAPI schema keyword "${keyword}"`);
  }
  if (strict && out.properties !== undefined && out.additionalProperties === undefined) out.additionalProperties = false;
  return schema.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function coerceParameter(raw: string, schema: OpenApiSchema | undefined): unknown {
  if (schema?.type === 'integer' || schema?.type === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (schema?.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

function describeError(error: ErrorObject): string {
  const extra = error.keyword === 'additionalProperties' ? ` "${String(error.params.additionalProperty)}"` : '';
  return `${error.instancePath || '(root)'} ${error.message ?? error.keyword}${extra}`;
}

function sampleString(format: unknown): string {
  if (format === 'uuid') return '3f1c2a9e-7b4d-4e8a-9c61-2d5f0b8e4a17';
  if (format === 'date-time') return '2024-01-01T00:00:00Z';
  return 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}
