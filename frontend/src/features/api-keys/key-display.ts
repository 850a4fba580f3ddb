import type { ApiKey } from './types';

/**
 * What identifies a key in the list: its public start, `vms_` and the first characters of its
 * id (a key is `vms_<id>.<secret>`), so an admin can match it to the key an integrator has.
 */
export function keyPrefix(id: string): string {
  return `vms_${id.slice(0, 8)}…`;
}

export type KeyStatus = 'active' | 'revoked';

export function keyStatus(key: ApiKey): KeyStatus {
  return key.revokedAt ? 'revoked' : 'active';
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 hours ago", "just now", or "Never" for a key that was never used. */
export function formatLastUsed(iso: string | null, now: number, locale?: string): string {
  if (!iso) return 'Never';
  const elapsed = now - Date.parse(iso);
  if (Number.isNaN(elapsed)) return 'Unknown';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  }
  return 'Just now';
}
