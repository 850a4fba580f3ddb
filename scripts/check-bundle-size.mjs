#!/usr/bin/env node
// Fails when the JavaScript the login page loads up front exceeds the budget (gzipped).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 300 * 1024;
const dist = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../frontend/dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((match) => match[1]);
if (initial.length === 0) {
  console.error('check-bundle-size: no script found in frontend/dist/index.html');
  process.exit(1);
}
let total = 0;
for (const asset of initial) {
  const size = gzipSync(readFileSync(path.join(dist, asset.replace(/^\//, '')))).length;
  total += size;
  console.log(`${asset}: ${(size / 1024).toFixed(1)} KB gzipped`);
}
console.log(`initial JS: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`);
if (total > BUDGET_BYTES) {
  console.error('check-bundle-size: over budget');
  process.exit(1);
}
