// KEY=VALUE files (haproxy/local.env, var/local.env): comments and blank lines ignored.
import { readFileSync } from 'node:fs';

export function parseEnvText(text) {
  const values = {};
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2].trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    values[match[1]] = value;
  }
  return values;
}

export const readEnvFile = (path) => parseEnvText(readFileSync(path, 'utf8'));
