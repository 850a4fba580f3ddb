import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import axios from 'axios';
import { parse as parseYaml } from 'yaml';
import { loadMediaMtxDefaultConfigKeys, MediaMtxSpec, type OperationMatch } from '../../../../../../test/support/mediamtx-spec';
import type { PathSpec, PathState } from '../../media-server.port';
import { MediaMtxApiClient } from './mediamtx-api.client';
import { InvalidPathSpecError, MediaServerRequestError, MediaServerUnavailableError } from './mediamtx.errors';
import { MediaMtxMediaServer } from './mediamtx.media-server';

const API_USER = 'vms-streaming';
const API_PASSWORD = 'api pass:word@1';
const REPO_ROOT = path.resolve(__dirname, '../../../../../..');
const ON_DEMAND = { sourceOnDemand: true, sourceOnDemandStartTimeout: '10s', sourceOnDemandCloseAfter: '10s' };

/** A path as the fake's `/v3/paths/list` reports it; everything else comes from the spec's sample. */
interface RuntimePath {
  name: string;
  online?: boolean;
  ready?: boolean;
  inboundBytes?: number;
  bytesReceived?: number;
  readers?: number;
  /** Fields the server leaves out of the item. */
  omit?: string[];
}

interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/**
 * Plays MediaMTX's Control API: checks basic auth, validates every request against the spec
 * (violations are recorded, not thrown) and answers with bodies generated from the spec's
 * response schemas, holding the path configurations in memory.
 */
class FakeMediaMtx {
  readonly violations: string[] = [];
  /** Answers of the fake itself that break the spec: a bug in the fake or the generator. */
  readonly selfViolations: string[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly configs = new Map<string, Record<string, unknown>>();
  /** Path configurations the VMS does not own (from the YAML file, or added by hand). */
  staticConfigNames: string[] = [];
  runtime: RuntimePath[] = [];
  nullable: 'value' | 'null' = 'value';
  /** Emulates MediaMTX versions (and the spec) where replace answers 404 for a path not configured yet. */
  replaceRequiresExisting = false;
  failWith: { status: number; error: string } | null = null;
  /** Raw JSON answers by operationId, bypassing the generator (malformed servers). */
  rawAnswers = new Map<string, unknown>();
  delayMs = 0;
  url = '';
  private server: http.Server | null = null;

  constructor(private readonly spec: MediaMtxSpec) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  reset(): void {
    this.violations.length = 0;
    this.selfViolations.length = 0;
    this.requests.length = 0;
    this.configs.clear();
    this.staticConfigNames = [];
    this.runtime = [];
    this.nullable = 'value';
    this.replaceRequiresExisting = false;
    this.failWith = null;
    this.rawAnswers.clear();
    this.delayMs = 0;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    this.requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: body ? (JSON.parse(body) as unknown) : undefined,
    });

    const expected = `Basic ${Buffer.from(`${API_USER}:${API_PASSWORD}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      // MediaMTX answers an Error body; the spec declares no 401 for any operation.
      return this.answer(res, null, 401, { error: 'authentication error' }, { 'www-authenticate': 'Basic realm="mediamtx"' });
    }
    const match = this.spec.findOperation(method, url.pathname);
    if (!match) {
      this.violations.push(`${method} ${url.pathname}: no such operation in the spec`);
      return this.answer(res, null, 404, { error: 'not found' });
    }
    this.violations.push(...this.spec.validateRequest(match, { query: url.searchParams, contentType: req.headers['content-type'], body }));

    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failWith) return this.answer(res, match, this.failWith.status, { error: this.failWith.error });
    if (this.rawAnswers.has(match.operationId)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(this.rawAnswers.get(match.operationId)));
    }

    const name = match.pathParams.name;
    switch (match.operationId) {
      case 'configPathsReplace':
        if (this.replaceRequiresExisting && !this.configs.has(name)) {
          return this.answer(res, match, 404, { error: 'path configuration not found' });
        }
        this.configs.set(name, JSON.parse(body) as Record<string, unknown>);
        return this.answer(res, match, 200, {});
      case 'configPathsAdd':
        if (this.configs.has(name)) return this.answer(res, match, 400, { error: 'path already exists' });
        this.configs.set(name, JSON.parse(body) as Record<string, unknown>);
        return this.answer(res, match, 200, {});
      case 'configPathsDelete':
        if (!this.configs.delete(name)) return this.answer(res, match, 404, { error: 'path configuration not found' });
        return this.answer(res, match, 200, {});
      case 'configPathsList':
        return this.answerPage(res, match, url.searchParams, this.configItems());
      case 'pathsList':
        return this.answerPage(res, match, url.searchParams, this.runtime.map((entry) => this.pathItem(entry)));
      default:
        this.violations.push(`${method} ${url.pathname}: the adapter has no business calling ${match.operationId}`);
        return this.answer(res, match, 400, { error: 'unexpected operation' });
    }
  }

  private configItems(): Record<string, unknown>[] {
    const names = [...new Set([...this.configs.keys(), ...this.staticConfigNames])].sort();
    return names.map((name) => ({ ...this.sample('PathConf'), ...this.configs.get(name), name }));
  }

  private pathItem(entry: RuntimePath): Record<string, unknown> {
    const item: Record<string, unknown> = {
      ...this.sample('Path'),
      name: entry.name,
      confName: entry.name,
      online: entry.online ?? false,
      ready: entry.ready ?? entry.online ?? false,
      inboundBytes: entry.inboundBytes ?? 0,
      bytesReceived: entry.bytesReceived ?? entry.inboundBytes ?? 0,
      readers: Array.from({ length: entry.readers ?? 0 }, () => this.sample('PathReader')),
    };
    for (const key of entry.omit ?? []) delete item[key];
    return item;
  }

  /** MediaMTX's paging: `page` from 0, `itemsPerPage` (default 100), pageCount 0 when there is nothing. */
  private answerPage(res: http.ServerResponse, match: OperationMatch, query: URLSearchParams, items: unknown[]): void {
    const itemsPerPage = Number(query.get('itemsPerPage') ?? 100);
    const page = Number(query.get('page') ?? 0);
    if (!Number.isInteger(itemsPerPage) || itemsPerPage < 1 || !Number.isInteger(page) || page < 0) {
      return this.answer(res, match, 400, { error: 'invalid paging' });
    }
    this.answer(res, match, 200, {
      itemCount: items.length,
      pageCount: Math.ceil(items.length / itemsPerPage),
      items: items.slice(page * itemsPerPage, (page + 1) * itemsPerPage),
    });
  }

  private answer(
    res: http.ServerResponse,
    match: OperationMatch | null,
    status: number,
    fields: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): void {
    const schema = match ? this.spec.responseSchema(match.operation, status) : { $ref: '#/components/schemas/Error' };
    if (!schema) {
      this.selfViolations.push(`${match?.template}: the spec declares no ${status} answer`);
      res.writeHead(status);
      return void res.end();
    }
    const body = { ...(this.spec.sample(schema, { nullable: this.nullable }) as Record<string, unknown>), ...fields };
    this.selfViolations.push(...this.spec.validate(schema, body).map((error) => `answer ${status}: ${error}`));
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private sample(component: string): Record<string, unknown> {
    return this.spec.sample(component, { nullable: this.nullable }) as Record<string, unknown>;
  }
}

/** Splits a command line the way MediaMTX does for runOnDemand (POSIX-shell-like words, no expansion). */
function shellSplit(command: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated single quote');
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let text = '';
      for (i++; command[i] !== '"'; i++) {
        if (i >= command.length) throw new Error('unterminated double quote');
        if (command[i] === '\\' && '"\\$`'.includes(command[i + 1])) i++;
        text += command[i];
      }
      word = (word ?? '') + text;
    } else if (c === '\\') {
      word = (word ?? '') + command[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const rtsp = (url: string, credentials: PathSpec['source']['credentials'] = null): PathSpec['source'] => ({ url, credentials });

describe('MediaMTX adapter against the Control API v3 spec', () => {
  const spec = MediaMtxSpec.load();
  const fake = new FakeMediaMtx(spec);
  let clock = 1_700_000_000_000;
  let mediaServer: MediaMtxMediaServer;

  const client = (overrides: Partial<ConstructorParameters<typeof MediaMtxApiClient>[0]> = {}) =>
    new MediaMtxApiClient({
      baseUrl: fake.url, username: API_USER, password: API_PASSWORD, timeoutMs: 2000, itemsPerPage: 2, ...overrides,
    });

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.reset();
    mediaServer = new MediaMtxMediaServer(client(), { now: () => clock });
  });
  afterEach(() => {
    expect(fake.selfViolations).toEqual([]);
  });

  describe('the spec oracle', () => {
    it.each(['value', 'null'] as const)('generates spec-valid samples of every component schema (nullable fields: %s)', (nullable) => {
      const rejected = Object.keys(spec.document.components.schemas).flatMap((name) => {
        const sample = spec.sample(name, { nullable });
        return [...spec.validate(name, sample), ...spec.validate(name, sample, { strict: true })].map((error) => `${name}: ${error}`);
      });
      expect(rejected).toEqual([]);
      expect(spec.sample('PathConf', { nullable })).toEqual(
        expect.objectContaining({ sourceOnDemand: true, rtspTransport: 'udp', fallback: nullable === 'null' ? null : 'string' }),
      );
      expect(spec.sample('PathList', { nullable })).toEqual(
        expect.objectContaining({ items: [expect.objectContaining({ name: 'string' })] }),
      );
    });

    it('rejects undeclared PathConf keys only when strict, and wrong types and nulls always', () => {
      expect(spec.validate('PathConf', { sourceOnDemnd: true })).toEqual([]);
      expect(spec.validate('PathConf', { sourceOnDemnd: true }, { strict: true })).toEqual([expect.stringContaining('"sourceOnDemnd"')]);
      expect(spec.validate('PathConf', { sourceOnDemand: 'yes' }, { strict: true })).not.toEqual([]);
      expect(spec.validate('PathConf', { rtspTransport: 'tcp-only' }, { strict: true })).not.toEqual([]);
      expect(spec.validate('PathConf', { maxReaders: 1.5 }, { strict: true })).not.toEqual([]);
      expect(spec.validate('PathConf', { rpiCameraBitrate: -1 }, { strict: true })).not.toEqual([]);
      expect(spec.validate('PathConf', { source: null }, { strict: true })).not.toEqual([]);
      expect(spec.validate('PathConf', { fallback: null, sourceProtocol: null }, { strict: true })).toEqual([]);
      expect(spec.validate('Path', { source: null, tracks2: [{ codec: 'H264', codecProps: null }] })).toEqual([]);
    });

    it('records requests that break the spec: a misspelt key, an undeclared query parameter, an unknown operation', async () => {
      await client().replacePath('cam_1', { source: 'publisher', sourceOnDemnd: false } as never);
      const raw = (url: string, params: Record<string, unknown> = {}) =>
        axios.get(url, { baseURL: fake.url, params, auth: { username: API_USER, password: API_PASSWORD }, validateStatus: () => true });
      await raw('/v3/paths/list', { page: 0, perPage: 10 });
      await raw('/v3/paths/lists');
      expect(fake.violations).toEqual([
        expect.stringMatching(/^POST \/v3\/config\/paths\/replace\/\{name\}: body .*"sourceOnDemnd"/),
        'GET /v3/paths/list: query parameter "perPage" is not declared',
        'GET /v3/paths/lists: no such operation in the spec',
      ]);
    });
  });

  describe('provisioning', () => {
    it.each<[string, PathSpec['source'], Record<string, unknown>]>([
      [
        'rtsp with credentials',
        rtsp('rtsp://10.0.0.5:554/stream1', { username: 'admin', password: 'secret' }),
        { source: 'rtsp://admin:secret@10.0.0.5:554/stream1', rtspTransport: 'tcp', ...ON_DEMAND },
      ],
      [
        'rtsps without credentials',
        rtsp('rtsps://cam.example.com:322/live?channel=2'),
        { source: 'rtsps://cam.example.com:322/live?channel=2', rtspTransport: 'tcp', ...ON_DEMAND },
      ],
      [
        'http HLS with credentials',
        rtsp('http://cam.local/live/index.m3u8', { username: 'viewer', password: 'pw' }),
        { source: 'http://viewer:pw@cam.local/live/index.m3u8', ...ON_DEMAND },
      ],
      [
        'https HLS',
        rtsp('https://cdn.example.com/cams/7/index.m3u8'),
        { source: 'https://cdn.example.com/cams/7/index.m3u8', ...ON_DEMAND },
      ],
      [
        'a file replayed by ffmpeg',
        rtsp('file:///media/lobby%20cam.mp4'),
        {
          source: 'publisher',
          sourceOnDemand: false,
          runOnDemand:
            "ffmpeg -re -stream_loop -1 -i '/media/lobby cam.mp4' -c copy -f rtsp -rtsp_transport tcp rtsp://localhost:$RTSP_PORT/$MTX_PATH",
          runOnDemandRestart: true,
          runOnDemandStartTimeout: '10s',
          runOnDemandCloseAfter: '10s',
        },
      ],
    ])('replaces the path with a spec-valid PathConf: %s', async (_label, source, expected) => {
      await mediaServer.upsertPath({ name: 'cam_1', source });

      expect(fake.violations).toEqual([]);
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v3/config/paths/replace/cam_1']);
      expect(fake.configs.get('cam_1')).toEqual(expected);
      const declared = new Set(spec.declaredProperties('PathConf'));
      expect(Object.keys(fake.configs.get('cam_1')!).filter((key) => !declared.has(key))).toEqual([]);
    });

    it('passes the file path to ffmpeg as one argument under shell-like splitting', async () => {
      await mediaServer.upsertPath({ name: 'cam_2', source: rtsp('file:///srv/media/a%20b%20(1)%26%3B%7C.mkv') });

      const words = shellSplit(String(fake.configs.get('cam_2')!.runOnDemand));
      expect(words).toEqual([
        'ffmpeg', '-re', '-stream_loop', '-1', '-i', '/srv/media/a b (1)&;|.mkv', '-c', 'copy', '-f', 'rtsp', '-rtsp_transport', 'tcp',
        'rtsp://localhost:$RTSP_PORT/$MTX_PATH',
      ]);
    });

    it.each([
      ['a single quote', "file:///media/it's.mp4"],
      ['a double quote', 'file:///media/a%22b.mp4'],
      ['a newline', 'file:///media/a%0Ab.mp4'],
      ['a carriage return', 'file:///media/a%0Db.mp4'],
      ['a $ that MediaMTX would expand', 'file:///media/$HOME.mp4'],
      ['a directory', 'file:///media/'],
      ['a host', 'file://nas/media/a.mp4'],
    ])('refuses a file source with %s and sends nothing', async (_label, url) => {
      expect(await rejection(mediaServer.upsertPath({ name: 'cam_3', source: rtsp(url) }))).toBeInstanceOf(InvalidPathSpecError);
      expect(fake.requests).toEqual([]);
    });

    it.each([
      ['a name without the cam_ prefix', 'lobby', 'rtsp://10.0.0.5/s'],
      ['a name with a slash', 'cam_1/../all_others', 'rtsp://10.0.0.5/s'],
      ['an unsupported scheme', 'cam_1', 'srt://10.0.0.5:8890'],
      ['an rtsp URL without a host', 'cam_1', 'rtsp:///stream'],
      ['something that is not a URL', 'cam_1', 'not a url'],
    ])('refuses %s and sends nothing', async (_label, name, url) => {
      expect(await rejection(mediaServer.upsertPath({ name, source: rtsp(url) }))).toBeInstanceOf(InvalidPathSpecError);
      expect(fake.requests).toEqual([]);
    });

    it('refuses to delete a path the VMS does not own', async () => {
      fake.staticConfigNames = ['all_others'];
      expect(await rejection(mediaServer.deletePath('all_others'))).toBeInstanceOf(InvalidPathSpecError);
      expect(fake.requests).toEqual([]);
    });

    it('percent-encodes credentials with special characters into the source userinfo', async () => {
      const credentials = { username: 'op@site a', password: "p@ss:w/rd%?#[]!'()*&=+$,;~é" };
      await mediaServer.upsertPath({ name: 'cam_4', source: rtsp('rtsp://[fd00::7]:8554/ch1?sub=1', credentials) });

      expect(fake.violations).toEqual([]);
      const source = String(fake.configs.get('cam_4')!.source);
      expect(source).toBe(
        'rtsp://op%40site%20a:p%40ss%3Aw%2Frd%25%3F%23%5B%5D%21%27%28%29%2A%26%3D%2B%24%2C%3B~%C3%A9@[fd00::7]:8554/ch1?sub=1',
      );
      const parsed = new URL(source);
      expect(decodeURIComponent(parsed.username)).toBe(credentials.username);
      expect(decodeURIComponent(parsed.password)).toBe(credentials.password);
    });

    it('replaces rather than adds: twice, then concurrently, leaves one path with the last configuration', async () => {
      const first = rtsp('rtsp://10.0.0.5/a');
      const second = rtsp('rtsp://10.0.0.6/b');
      await mediaServer.upsertPath({ name: 'cam_7', source: first });
      await mediaServer.upsertPath({ name: 'cam_7', source: first });
      await Promise.all(Array.from({ length: 5 }, () => mediaServer.upsertPath({ name: 'cam_7', source: second })));

      expect(fake.violations).toEqual([]);
      expect([...fake.configs.keys()]).toEqual(['cam_7']);
      expect(fake.configs.get('cam_7')!.source).toBe('rtsp://10.0.0.6/b');
      expect(await mediaServer.listPaths()).toEqual(['cam_7']);
    });

    it('falls back to add where replace answers 404 for a new path, and stays idempotent under concurrency', async () => {
      fake.replaceRequiresExisting = true;
      await Promise.all(Array.from({ length: 4 }, () => mediaServer.upsertPath({ name: 'cam_8', source: rtsp('rtsp://10.0.0.8/s') })));
      await mediaServer.upsertPath({ name: 'cam_8', source: rtsp('rtsp://10.0.0.9/s') });

      expect(fake.violations).toEqual([]);
      expect([...fake.configs.keys()]).toEqual(['cam_8']);
      expect(fake.configs.get('cam_8')!.source).toBe('rtsp://10.0.0.9/s');
      expect(fake.requests.filter((r) => r.path === '/v3/config/paths/add/cam_8').length).toBeGreaterThanOrEqual(1);
    });

    it('deletes a path, and resolves when the path is already gone', async () => {
      await mediaServer.upsertPath({ name: 'cam_5', source: rtsp('rtsp://10.0.0.5/s') });
      await mediaServer.deletePath('cam_5');
      await expect(mediaServer.deletePath('cam_5')).resolves.toBeUndefined();
      await expect(mediaServer.deletePath('cam_404')).resolves.toBeUndefined();

      expect(fake.violations).toEqual([]);
      expect(fake.configs.size).toBe(0);
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'POST /v3/config/paths/replace/cam_5',
        'DELETE /v3/config/paths/delete/cam_5',
        'DELETE /v3/config/paths/delete/cam_5',
        'DELETE /v3/config/paths/delete/cam_404',
      ]);
    });
  });

  describe('reading', () => {
    it.each(['value', 'null'] as const)('lists only cam_ path configurations across every page (nullable fields: %s)', async (nullable) => {
      fake.nullable = nullable;
      fake.staticConfigNames = ['all_others', 'lobby', 'zz_cam_1'];
      for (const name of ['cam_3', 'cam_1', 'cam_2']) await mediaServer.upsertPath({ name, source: rtsp('rtsp://10.0.0.5/s') });

      expect(await mediaServer.listPaths()).toEqual(['cam_1', 'cam_2', 'cam_3']);
      expect(fake.violations).toEqual([]);
      const pages = fake.requests.filter((r) => r.path === '/v3/config/paths/list').map((r) => r.query);
      expect(pages).toEqual([0, 1, 2].map((page) => ({ page: String(page), itemsPerPage: '2' })));
    });

    it.each(['value', 'null'] as const)('maps /v3/paths/list to path states across every page (nullable fields: %s)', async (nullable) => {
      fake.nullable = nullable;
      fake.runtime = [
        { name: 'cam_1', online: true, inboundBytes: 1_000_000, readers: 2 },
        { name: 'all_others', online: true, inboundBytes: 5, readers: 1 },
        { name: 'cam_2', online: false, inboundBytes: 0, readers: 0 },
        { name: 'cam_3', ready: true, inboundBytes: 300, readers: 1, omit: ['online'] },
        { name: 'lobby', online: false },
        { name: 'cam_4', online: false, inboundBytes: 0, readers: 1 },
        { name: 'cam_5', online: true, bytesReceived: 500, omit: ['inboundBytes'] },
        { name: 'cam_6', omit: ['online', 'ready', 'inboundBytes', 'bytesReceived', 'readers'] },
      ];

      const states = await mediaServer.pathStates();

      expect(fake.violations).toEqual([]);
      expect(fake.requests.map((r) => r.query.page)).toEqual(['0', '1', '2', '3']);
      expect(states).toEqual<PathState[]>([
        { name: 'cam_1', health: 'online', reason: null, readers: 2, bytesReceived: 1_000_000, bitrateKbps: null },
        { name: 'cam_2', health: 'idle', reason: null, readers: 0, bytesReceived: 0, bitrateKbps: null },
        { name: 'cam_3', health: 'online', reason: null, readers: 1, bytesReceived: 300, bitrateKbps: null },
        { name: 'cam_4', health: 'starting', reason: null, readers: 1, bytesReceived: 0, bitrateKbps: null },
        { name: 'cam_5', health: 'online', reason: null, readers: 0, bytesReceived: 500, bitrateKbps: null },
        { name: 'cam_6', health: 'idle', reason: null, readers: 0, bytesReceived: 0, bitrateKbps: null },
      ]);
    });

    it('computes the bitrate from the inbound bytes since the previous read, and restarts after a counter reset', async () => {
      fake.runtime = [
        { name: 'cam_1', online: true, inboundBytes: 1_000_000 },
        { name: 'cam_2', online: true, inboundBytes: 50_000 },
        { name: 'cam_3', online: false, inboundBytes: 7 },
      ];
      const bitrates = async () => Object.fromEntries((await mediaServer.pathStates()).map((s) => [s.name, s.bitrateKbps]));

      expect(await bitrates()).toEqual({ cam_1: null, cam_2: null, cam_3: null });
      clock += 5_000;
      fake.runtime = [
        { name: 'cam_1', online: true, inboundBytes: 1_000_000 + 1_250_000 },
        { name: 'cam_2', online: true, inboundBytes: 10_000 },
        { name: 'cam_3', online: false, inboundBytes: 7 },
      ];
      expect(await bitrates()).toEqual({ cam_1: 2000, cam_2: null, cam_3: 0 });
      clock += 2_000;
      fake.runtime[1].inboundBytes = 10_000 + 100_000;
      expect(await bitrates()).toEqual({ cam_1: 0, cam_2: 400, cam_3: 0 });
      expect(fake.violations).toEqual([]);
    });

    it('forgets the sample of a path that disappeared', async () => {
      fake.runtime = [{ name: 'cam_1', online: true, inboundBytes: 1000 }];
      await mediaServer.pathStates();
      fake.runtime = [];
      expect(await mediaServer.pathStates()).toEqual([]);
      clock += 1_000;
      fake.runtime = [{ name: 'cam_1', online: true, inboundBytes: 2000 }];
      expect((await mediaServer.pathStates())[0].bitrateKbps).toBeNull();
    });

    it('ignores malformed items and fields instead of trusting the shape', async () => {
      fake.rawAnswers.set('pathsList', {
        pageCount: 'many',
        items: [
          null, 7, 'cam_0', { name: 5 }, { name: '' },
          { name: 'cam_9', online: 'yes', readers: 'abc', inboundBytes: -3, bytesReceived: '12', future: { x: 1 } },
        ],
      });
      expect(await mediaServer.pathStates()).toEqual([
        { name: 'cam_9', health: 'idle', reason: null, readers: 0, bytesReceived: 0, bitrateKbps: null },
      ]);
      expect(fake.requests).toHaveLength(1);

      fake.rawAnswers.set('configPathsList', { items: 'cam_1' });
      expect(await mediaServer.listPaths()).toEqual([]);
      fake.rawAnswers.set('configPathsList', ['cam_1']);
      expect(await rejection(mediaServer.listPaths())).toBeInstanceOf(MediaServerUnavailableError);
    });
  });

  describe('errors', () => {
    it('maps a refused login (401) to MediaServerRequestError with the server text', async () => {
      const server = new MediaMtxMediaServer(client({ password: 'wrong' }));
      const error = await rejection(server.listPaths());

      expect(error).toBeInstanceOf(MediaServerRequestError);
      expect(error).toMatchObject({ status: 401, serverError: 'authentication error' });
    });

    it('maps a refused connection to MediaServerUnavailableError', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise((resolve) => closed.close(resolve));
      const server = new MediaMtxMediaServer(client({ baseUrl: `http://127.0.0.1:${port}` }));

      const source = rtsp('rtsp://10.0.0.5/s', { username: 'u', password: 'secret-pw' });
      const error = await rejection(server.upsertPath({ name: 'cam_1', source }));
      expect(error).toBeInstanceOf(MediaServerUnavailableError);
      expect((error as Error).message).toContain('ECONNREFUSED');
      expect((error as Error).message).not.toContain('secret-pw');
    });

    it('maps a timeout to MediaServerUnavailableError', async () => {
      fake.delayMs = 500;
      const error = await rejection(new MediaMtxMediaServer(client({ timeoutMs: 100 })).pathStates());
      expect(error).toBeInstanceOf(MediaServerUnavailableError);
    });

    it('maps a 5xx to MediaServerUnavailableError and a 4xx to MediaServerRequestError without leaking credentials', async () => {
      fake.failWith = { status: 500, error: 'boom' };
      expect(await rejection(mediaServer.pathStates())).toBeInstanceOf(MediaServerUnavailableError);

      fake.failWith = { status: 400, error: "invalid source 'rtsp://admin:hunter2@10.0.0.5/s'" };
      const source = rtsp('rtsp://10.0.0.5/s', { username: 'admin', password: 'hunter2' });
      const error = await rejection(mediaServer.upsertPath({ name: 'cam_1', source }));
      expect(error).toBeInstanceOf(MediaServerRequestError);
      expect(error).toMatchObject({ status: 400, serverError: "invalid source 'rtsp://***@10.0.0.5/s'" });
      expect((error as Error).message).not.toContain('hunter2');
    });
  });

  describe('the committed mediamtx/mediamtx.yml', () => {
    const config = parseYaml(readFileSync(path.join(REPO_ROOT, 'mediamtx/mediamtx.yml'), 'utf8')) as Record<string, unknown>;
    const defaults = loadMediaMtxDefaultConfigKeys();

    it('only uses top-level and pathDefaults keys that exist in mediamtx.default.yml', () => {
      const pathDefaults = config.pathDefaults as Record<string, unknown>;
      expect(Object.keys(config).filter((key) => !defaults.topLevel.has(key))).toEqual([]);
      expect(Object.keys(pathDefaults).filter((key) => !defaults.pathDefaults.has(key))).toEqual([]);
      expect(Object.keys(pathDefaults).length).toBeGreaterThan(0);
    });

    it('gives those keys values of the types the Control API spec declares', () => {
      const { pathDefaults, paths: _paths, ...global } = config;
      expect(spec.validate('GlobalConf', global, { strict: true })).toEqual([]);
      expect(spec.validate('PathConf', pathDefaults, { strict: true })).toEqual([]);
    });
  });
});
