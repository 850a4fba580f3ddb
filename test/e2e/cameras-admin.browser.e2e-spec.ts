import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN, ApiHarness, startApi } from '../support/api-harness';
import { freePort } from '../support/built-service';
import { RtspTestCamera, startRtspTestCamera } from '../support/rtsp-test-camera';
import { startStreaming, StreamingHarness } from '../support/streaming-harness';

const DIST = path.resolve(__dirname, '../../frontend/dist');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/**
 * The built frontend as HAProxy serves it locally: files with an SPA fallback, `/api/streaming/*`
 * to the streaming service, `/api/*` and `/ws` to the api.
 */
async function serveFrontend(apiUrl: string, streamingUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstreamOf = (url: string) => new URL(url.startsWith('/api/streaming/') ? streamingUrl : apiUrl);
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      const upstream = upstreamOf(url);
      const proxied = http.request({ host: upstream.hostname, port: upstream.port, path: url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      proxied.on('error', () => res.writeHead(502).end());
      req.pipe(proxied);
      return;
    }
    const file = path.join(DIST, path.normalize(url.split('?')[0]!).replace(/^(\.\.[/\\])+/, ''));
    const target = existsSync(file) && path.extname(file) ? file : path.join(DIST, 'index.html');
    void readFile(target).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  server.on('upgrade', (req, socket, head) => {
    const upstream = new URL(apiUrl);
    const target = net.connect(Number(upstream.port), upstream.hostname, () => {
      target.write(`${req.method} ${req.url} HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`).join('\r\n')}\r\n\r\n`);
      target.write(head);
      socket.pipe(target).pipe(socket);
    });
    target.on('error', () => socket.destroy());
    socket.on('error', () => target.destroy());
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Admin journey on the Cameras page in Chromium, against the real api and streaming service and a real RTSP camera. */
describe('cameras admin page in the browser (e2e)', () => {
  let camera: RtspTestCamera;
  let api: ApiHarness;
  let streaming: StreamingHarness;
  let site: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let admin: string;
  const consoleErrors: string[] = [];

  const row = (name: string) => page.locator('[data-testid="camera-row"]', { hasText: name });
  const apiCamera = async (id: string) => (await api.http.get(`/api/cameras/${id}`).set('Authorization', `Bearer ${admin}`).expect(200)).body;

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST} is missing: run \`npm run build:frontend\` first`);
    camera = await startRtspTestCamera();
    const streamingPort = await freePort();
    api = await startApi({ STREAMING_URL: `http://127.0.0.1:${streamingPort}`, RATE_LIMIT_PER_MINUTE: '10000' });
    streaming = await startStreaming(api.env, api.baseUrl, { port: streamingPort });
    admin = await api.login();
    site = await serveFrontend(api.baseUrl, streaming.baseUrl);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      // The browser reports every 4xx answer; the validation step expects one.
      if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 422/.test(message.text())) consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.goto(`${site.url}/login`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('link', { name: 'Cameras' }).click();
    await page.getByRole('heading', { name: 'Cameras', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await streaming?.close();
    await api?.close();
    await camera?.stop();
  });

  afterEach(() => {
    expect(consoleErrors).toEqual([]);
  });

  it('adds a camera: tests the connection, saves it, and the list shows it going online', async () => {
    await page.getByRole('button', { name: 'Add camera' }).click();
    const dialog = page.getByRole('dialog', { name: 'New camera' });
    await dialog.getByLabel('Name', { exact: true }).fill('Front door');
    await dialog.getByLabel('URL', { exact: true }).fill(camera.url);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await dialog.getByText('Connected:').waitFor({ timeout: 15000 });
    expect(await dialog.getByText(/H264 · 320×240/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Save camera' }).click();
    await dialog.waitFor({ state: 'detached' });

    await row('Front door').waitFor();
    expect(await row('Front door').textContent()).not.toContain('@');
    await page.locator('[data-testid="camera-row"][data-status="online"]', { hasText: 'Front door' }).waitFor({ timeout: 30000 });
  });

  it('shows the API\'s validation errors next to the field and keeps the dialog open; Escape closes it', async () => {
    await page.getByRole('button', { name: 'Add camera' }).click();
    const dialog = page.getByRole('dialog', { name: 'New camera' });
    await dialog.getByLabel('Name', { exact: true }).fill('Broken');
    await dialog.getByLabel('URL', { exact: true }).fill('ftp://127.0.0.1/cam.mp4');
    await dialog.getByRole('button', { name: 'Save camera' }).click();
    await dialog.getByText('scheme must be rtsp, rtsps, http, https or file').waitFor();
    const url = dialog.getByLabel('URL', { exact: true });
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(':focus').getAttribute('placeholder')).toBe('rtsp://192.168.1.20:554/stream1');
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    // The modal dialog keeps the focus (the browser's own UI aside, where headless Chromium parks it on the body).
    expect(await page.evaluate('!!document.activeElement?.closest("dialog") || document.activeElement === document.body')).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await row('Broken').count()).toBe(0);
  });

  it('edits a camera: draws a region over its snapshot, deletes another with the keyboard, and saves normalised polygons', async () => {
    const id = await row('Front door').getAttribute('data-camera-id');
    await page.getByRole('button', { name: 'Edit Front door' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit camera “Front door”' });
    expect(await dialog.getByLabel('Password', { exact: true }).getAttribute('placeholder')).toBe('');
    const picture = dialog.getByRole('img', { name: 'Current picture of the camera' });
    await picture.waitFor({ timeout: 20000 });
    await page.waitForFunction('document.querySelector(\'img[alt="Current picture of the camera"]\')?.naturalWidth === 320');

    const editor = dialog.getByRole('group', { name: 'Region editor' });
    await editor.scrollIntoViewIfNeeded();
    const box = (await editor.boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(320 / 240, 1);
    const at = (x: number, y: number) => page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await at(0.2, 0.2);
    await at(0.8, 0.2);
    await at(0.5, 0.8);
    await at(0.2, 0.2);
    await dialog.getByText('Region 1').waitFor();
    // Drag the third point down-left.
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.9, { steps: 5 });
    await page.mouse.up();
    await dialog.getByRole('button', { name: 'Add rectangle' }).click();
    await dialog.getByText('Region 2').waitFor();
    await editor.focus();
    await page.keyboard.press('Delete');
    expect(await dialog.getByText('Region 2').count()).toBe(0);

    await dialog.getByRole('switch', { name: 'AI detection' }).check();
    await dialog.getByLabel('dog', { exact: true }).check();
    await dialog.getByRole('button', { name: 'Save camera' }).click();
    await dialog.waitFor({ state: 'detached' });
    const saved = await apiCamera(id!);
    expect(saved.ai).toMatchObject({ enabled: true, classes: ['person', 'bicycle', 'car', 'motorcycle', 'bus', 'truck', 'dog'] });
    expect(saved.ai.roi).toHaveLength(1);
    const [a, b, c] = saved.ai.roi[0] as [number, number][];
    expect(a[0]).toBeCloseTo(0.2, 1);
    expect(a[1]).toBeCloseTo(0.2, 1);
    expect(b[0]).toBeCloseTo(0.8, 1);
    expect(c[0]).toBeCloseTo(0.45, 1);
    expect(c[1]).toBeCloseTo(0.9, 1);
    expect(saved.revision).toBe(2);
    // Nothing but the AI settings changed: the source stayed, so the stream was not restarted.
    expect(saved.sourceUrl).toBe(camera.url);
  });

  it('is usable on a tablet: no sideways scrolling, the dialog fits the screen', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.getByRole('button', { name: 'Edit Front door' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit camera “Front door”' });
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(768);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('deletes a camera after a confirmation naming it', async () => {
    await page.getByRole('button', { name: 'Delete Front door' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete camera “Front door”?' });
    await dialog.getByRole('button', { name: 'Delete camera' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row('Front door').waitFor({ state: 'detached' });
    await page.getByText('No camera yet').waitFor();
  });
});
