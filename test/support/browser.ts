import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './local-stack';

/** Debian's Chromium with the flags this machine needs (../shared/ARCHITECTURE.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
}

/** Where screenshots go: BROWSER_ARTIFACTS or var/artifacts/browser (kept after the run). */
export const ARTIFACTS_DIR = process.env.BROWSER_ARTIFACTS ?? path.join(ROOT, 'var', 'artifacts', 'browser');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Collects every console error, uncaught exception and HTTP error answer of a context's pages; a
 * test asserts the list is empty. `allowed` lists messages a step provokes on purpose.
 */
export class ConsoleErrorCollector {
  readonly errors: string[] = [];

  constructor(context: BrowserContext, private readonly allowed: RegExp[] = []) {
    const watch = (page: Page) => {
      page.on('console', (message) => {
        if (message.type() === 'error') this.record(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => this.record(`${page.url()}: ${String(error)}`));
      // The console names no URL for a failed load; this says which one it was.
      page.on('response', (response) => {
        if (response.status() >= 400) this.record(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
      });
    };
    context.pages().forEach(watch);
    context.on('page', watch);
  }

  /** Takes the errors gathered so far, leaving the list empty. */
  take(): string[] {
    return this.errors.splice(0);
  }

  private record(message: string): void {
    if (!this.allowed.some((pattern) => pattern.test(message))) this.errors.push(message);
  }
}

/** Signs in through the login form and waits for the app shell. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Seconds of video played by the <video> elements matching the selector, in document order. */
export function currentTimes(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((videos) => videos.map((video) => (video as unknown as { currentTime: number }).currentTime));
}
