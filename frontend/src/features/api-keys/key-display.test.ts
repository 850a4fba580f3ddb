import { describe, expect, it } from 'vitest';
import { formatLastUsed, keyPrefix, keyStatus } from './key-display';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('key display', () => {
  it('shows the public start of a key: vms_ and the start of its id', () => {
    expect(keyPrefix('6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01')).toBe('vms_6f1c2b1e…');
  });

  it('tells active keys from revoked ones', () => {
    const key = { id: 'k', name: 'n', createdAt: ago(0), lastUsedAt: null, revokedAt: null };
    expect(keyStatus(key)).toBe('active');
    expect(keyStatus({ ...key, revokedAt: ago(0) })).toBe('revoked');
  });

  it('says when a key was last used in the largest whole unit', () => {
    expect(formatLastUsed(null, NOW, 'en')).toBe('Never');
    expect(formatLastUsed(ago(20_000), NOW, 'en')).toBe('Just now');
    expect(formatLastUsed(ago(5 * 60_000), NOW, 'en')).toBe('5 minutes ago');
    expect(formatLastUsed(ago(3 * 3_600_000 + 59 * 60_000), NOW, 'en')).toBe('3 hours ago');
    expect(formatLastUsed(ago(86_400_000), NOW, 'en')).toBe('yesterday');
    expect(formatLastUsed(ago(400 * 86_400_000), NOW, 'en')).toBe('last year');
    expect(formatLastUsed('garbage', NOW, 'en')).toBe('Unknown');
  });
});
