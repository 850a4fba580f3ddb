import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ConsoleErrorCollector, currentTimes, launchChromium, screenshot, signIn } from '../support/browser';
import { EDGE, LocalStack, sleep, startLocalStack } from '../support/local-stack';
import { RtspTestCamera, startRtspTestCamera } from '../support/rtsp-test-camera';
import { waitUntil } from '../support/wait';

/**
 * The security-staff journey in Chromium against the real local stack through HAProxy
 * (scripts/up.mjs: api, streaming with its HLS engine, ai-detection with the real model, nginx).
 * Screenshots of each step land in var/artifacts/browser (BROWSER_ARTIFACTS overrides).
 */

const STREET_CLIP = path.resolve(__dirname, '..', '..', '..', 'shared', 'media', 'street_traffic_640x360.mp4');
const RUN = randomBytes(3).toString('hex');
const RTSP_NAME = `Gate RTSP ${RUN}`;
const STREET_NAME = `Street ${RUN}`;
const TILE = '[data-testid="mosaic-tile"]';

describe('mosaic viewer in Chromium through HAProxy (local stack)', () => {
  let stack: LocalStack;
  let rtsp: RtspTestCamera;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: ConsoleErrorCollector;
  let token = '';
  const cameraIds = new Map<string, string>();

  const api = async <T>(method: string, pathname: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${EDGE}${pathname}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };

  /** Every matching <video> advanced by at least `seconds` of playback within the timeout. */
  const expectPlaying = async (target: Page, selector: string, count: number, seconds = 1, timeoutMs = 60_000) => {
    const before = await currentTimes(target, selector);
    expect(before).toHaveLength(count);
    const deadline = Date.now() + timeoutMs;
    let after = before;
    while (Date.now() < deadline) {
      await sleep(1000);
      after = await currentTimes(target, selector);
      if (after.every((time, index) => time - before[index] >= seconds)) return after;
    }
    throw new Error(`not every video played ${seconds} s within ${timeoutMs} ms: before ${before.join(', ')}, after ${after.join(', ')}`);
  };

  const tileOf = (cameraName: string) => page.locator(TILE, { has: page.getByText(cameraName, { exact: true }) });

  beforeAll(async () => {
    if (!existsSync(STREET_CLIP)) throw new Error(`${STREET_CLIP} is missing: the journey needs ../shared/media`);
    stack = await startLocalStack();
    rtsp = await startRtspTestCamera();
    const login = await fetch(`${EDGE}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: stack.secrets.ADMIN_EMAIL, password: stack.secrets.ADMIN_PASSWORD }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    errors = new ConsoleErrorCollector(context);
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await rtsp?.stop();
    await stack?.dispose();
  }, 120_000);

  afterEach(async () => {
    // The page as the step left it, passed or failed: the artifact to look at when one fails.
    const name = (expect.getState().currentTestName ?? 'step').replace(/^.*?\) /, '').replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    if (page) await screenshot(page, `after-${name}`).catch(() => undefined);
    expect(errors?.take() ?? []).toEqual([]);
  });

  it('signs in as the admin', async () => {
    await signIn(page, EDGE, stack.secrets.ADMIN_EMAIL, stack.secrets.ADMIN_PASSWORD);
    for (const link of ['Live', 'Events', 'Dashboard', 'Cameras', 'Users']) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).waitFor();
    }
    await screenshot(page, '01-signed-in');
  }, 60_000);

  it('creates a camera on the RTSP test camera and one looping the street clip with AI on', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cameras' }).click();
    await page.getByRole('heading', { name: 'Cameras', level: 1 }).waitFor();
    const sources = [
      { name: RTSP_NAME, url: rtsp.url, ai: false },
      { name: STREET_NAME, url: `file://${STREET_CLIP}`, ai: true },
    ];
    for (const source of sources) {
      await page.getByRole('button', { name: 'Add camera' }).click();
      const dialog = page.getByRole('dialog', { name: 'New camera' });
      await dialog.getByLabel('Name', { exact: true }).fill(source.name);
      await dialog.getByLabel('URL', { exact: true }).fill(source.url);
      if (source.ai) await dialog.getByRole('switch', { name: 'AI detection' }).check();
      await dialog.getByRole('button', { name: 'Save camera' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('[data-testid="camera-row"]', { hasText: source.name }).waitFor();
    }
    const cameras = await api<{ id: string; name: string; ai: { enabled: boolean } }[]>('GET', '/api/cameras');
    for (const source of sources) {
      const camera = cameras.find((candidate) => candidate.name === source.name);
      expect(camera?.ai.enabled).toBe(source.ai);
      cameraIds.set(source.name, camera!.id);
    }
    await screenshot(page, '02-cameras-created');
  }, 90_000);

  it('puts both cameras in a new 2x2 mosaic, and both play', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Live' }).click();
    await page.getByRole('button', { name: 'New mosaic' }).click();
    const nameDialog = page.getByRole('dialog', { name: 'New mosaic' });
    await nameDialog.getByLabel('Name').fill(`Entrance ${RUN}`);
    await nameDialog.getByRole('button', { name: 'Create' }).click();
    await nameDialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '2x2 layout' }).click();
    await waitUntil(async () => (await page.locator(TILE).count()) === 4, 10_000);

    for (const [index, name] of [RTSP_NAME, STREET_NAME].entries()) {
      await page.getByRole('button', { name: `Choose a camera for tile ${index + 1}` }).click();
      const picker = page.getByRole('dialog', { name: `Choose a camera for tile ${index + 1}` });
      await picker.getByRole('button', { name: new RegExp(name) }).click();
      await picker.waitFor({ state: 'detached' });
    }
    for (const name of [RTSP_NAME, STREET_NAME]) {
      await page.locator(`${TILE}[data-camera-id="${cameraIds.get(name)}"][data-state="live"]`).waitFor({ timeout: 60_000 });
    }
    await expectPlaying(page, `${TILE}[data-state="live"] video[data-testid="tile-video"]`, 2);
    await page.locator('[data-testid="mosaic-save-status"][data-status="saved"]').waitFor({ timeout: 15_000 });
    const mosaics = await api<{ name: string; layout: string; tiles: { position: number; cameraId: string }[] }[]>('GET', '/api/mosaics');
    const saved = mosaics.find((mosaic) => mosaic.name === `Entrance ${RUN}`);
    expect(saved?.layout).toBe('2x2');
    expect(saved?.tiles.map((tile) => tile.cameraId).sort()).toEqual([...cameraIds.values()].sort());
    await screenshot(page, '03-mosaic-2x2-playing');
  }, 150_000);

  it('draws detection boxes on the street tile and lists a car event in the events panel', async () => {
    const overlay = tileOf(STREET_NAME).locator('[data-testid="detection-overlay"]');
    await waitUntil(async () => Number(await overlay.getAttribute('data-box-count')) > 0, 60_000);
    const rtspOverlay = tileOf(RTSP_NAME).locator('[data-testid="detection-overlay"]');
    expect(Number((await rtspOverlay.getAttribute('data-box-count')) ?? 0)).toBe(0);
    await screenshot(page, '04-detection-boxes');

    const carEvent = page.locator(`[data-testid="live-event"][data-class="car"][data-camera-id="${cameraIds.get(STREET_NAME)}"]`).first();
    await carEvent.waitFor({ timeout: 60_000 });
    const thumbnail = carEvent.locator('img');
    if (await thumbnail.count()) {
      await waitUntil(async () => (await thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)) > 0, 15_000);
    }
    await screenshot(page, '05-car-event');
  }, 150_000);

  it('keeps an operator out of the admin pages', async () => {
    const email = `operator-${RUN}@example.test`;
    const password = `operator-${randomBytes(8).toString('hex')}`;
    await api('POST', '/api/users', { email, password, role: 'operator' });
    const operatorContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const operatorErrors = new ConsoleErrorCollector(operatorContext);
    try {
      const operator = await operatorContext.newPage();
      await signIn(operator, EDGE, email, password);
      const nav = operator.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Live' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Cameras' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
      for (const adminPath of ['/admin/cameras', '/admin/users']) {
        await operator.goto(`${EDGE}${adminPath}`);
        await operator.getByText('You do not have access to this page', { exact: false }).waitFor();
        expect(await operator.getByRole('button', { name: 'Add camera' }).count()).toBe(0);
      }
      await screenshot(operator, '06-operator-forbidden');
      expect(operatorErrors.take()).toEqual([]);
    } finally {
      await operatorContext.close();
    }
  }, 60_000);

  it('plays every tile of a 4x4 mosaic of 16 cameras', async () => {
    const ids = [...cameraIds.values()];
    for (let index = ids.length; index < 16; index++) {
      const camera = await api<{ id: string }>('POST', '/api/cameras', { name: `Wall ${RUN} ${String(index + 1).padStart(2, '0')}`, sourceUrl: `file://${STREET_CLIP}` });
      ids.push(camera.id);
    }
    const wall = await api<{ id: string }>('POST', '/api/mosaics', {
      name: `Wall ${RUN}`, layout: '4x4', tiles: ids.map((cameraId, position) => ({ position, cameraId })),
    });
    await page.reload();
    await page.getByLabel('Mosaic', { exact: true }).selectOption(wall.id);
    await waitUntil(async () => (await page.locator(`${TILE}[data-camera-id]:not([data-camera-id=""])`).count()) === 16, 15_000);
    await waitUntil(async () => (await page.locator(`${TILE}[data-state="live"]`).count()) === 16, 120_000);
    await expectPlaying(page, `${TILE} video[data-testid="tile-video"]`, 16, 1, 90_000);
    await screenshot(page, '07-mosaic-4x4-playing');
  }, 300_000);

  it('fits a tablet: no sideways scrolling, every tile still shown', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await sleep(500);
    const widths = await page.evaluate('({ page: document.documentElement.scrollWidth, window: window.innerWidth })') as { page: number; window: number };
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    expect(await page.locator(`${TILE}[data-state="live"]`).count()).toBe(16);
    await screenshot(page, '08-tablet');
  }, 60_000);

  it('shows the street camera cars on the Events page, the dashboard and the users page, without console errors', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Events' }).click();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    await page.locator('[data-testid="detection-row"][data-class="car"]').first().waitFor({ timeout: 30_000 });
    await screenshot(page, '09-events-page');

    await nav.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.locator('svg[role="img"]').first().waitFor();
    await screenshot(page, '10-dashboard');

    await nav.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users & API keys', level: 1 }).waitFor();
    await page.getByText(`operator-${RUN}@example.test`).first().waitFor();
    await screenshot(page, '11-users');
  }, 90_000);
});
