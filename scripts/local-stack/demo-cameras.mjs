// `npm run up -- --demo`: cameras a newcomer can watch at once. The shared street clip (with AI on)
// when ../shared/media exists, else an ffmpeg test pattern recorded once into media/demo/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { logFileOf, paths } from './paths.mjs';
import { describeExit, runCommand } from './run-command.mjs';

const API = 'http://127.0.0.1:3000';
const AI_CLASSES = ['person', 'bicycle', 'car', 'motorcycle', 'bus', 'truck'];

async function demoSources() {
  const street = join(paths.sharedMedia, 'street_traffic_640x360.mp4');
  if (existsSync(street)) return [{ name: 'Demo street', url: `file://${street}`, ai: true }];
  const pattern = join(paths.repoMedia, 'demo', 'test-pattern.mp4');
  if (!existsSync(pattern)) {
    mkdirSync(join(paths.repoMedia, 'demo'), { recursive: true });
    const result = await runCommand('ffmpeg', [
      '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-t', '20',
      '-c:v', 'libx264', '-preset', 'veryfast', '-g', '50', '-pix_fmt', 'yuv420p', '-y', pattern,
    ], { logFile: logFileOf('demo-pattern') });
    if (result.code !== 0) throw new Error(`demo test pattern not recorded (${describeExit(result)})`);
  }
  return [{ name: 'Demo test pattern', url: `file://${pattern}`, ai: false }];
}

async function api(path, token, init = {}) {
  const response = await fetch(`${API}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    signal: AbortSignal.timeout(10000),
  });
  const body = response.status === 204 ? null : await response.json();
  return { status: response.status, body };
}

/** Creates the demo cameras that do not exist yet; returns their names. */
export async function addDemoCameras(secrets) {
  const login = await api('/api/auth/login', null, { method: 'POST', body: JSON.stringify({ email: secrets.ADMIN_EMAIL, password: secrets.ADMIN_PASSWORD }) });
  if (login.status !== 200) throw new Error('demo cameras: the admin credentials from var/local.env do not log in');
  const token = login.body.accessToken;
  const cameras = await api('/api/cameras', token);
  if (cameras.status !== 200) throw new Error(`demo cameras: listing cameras answered ${cameras.status} ${JSON.stringify(cameras.body)}`);
  const existing = new Set(cameras.body.map((camera) => camera.name));
  const created = [];
  for (const source of await demoSources()) {
    if (existing.has(source.name)) continue;
    const body = { name: source.name, sourceUrl: source.url, ai: { enabled: source.ai, classes: AI_CLASSES, minConfidence: 0.4 } };
    const response = await api('/api/cameras', token, { method: 'POST', body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`demo camera ${source.name}: ${JSON.stringify(response.body)}`);
    created.push(source.name);
  }
  return created;
}
