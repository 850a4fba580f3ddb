import { describe, expect, it } from 'vitest';
import type { RecentDetection } from '@/features/live-events/types';
import { camerasToWatch, classOptions, formatConfidence, formatRelativeTime } from './panel-model';
import type { PanelCamera } from './types';

function camera(id: string, name: string, ai: boolean, enabled = true): PanelCamera {
  return { id, name, enabled, status: 'online', ai: { enabled: ai } };
}

describe('camerasToWatch', () => {
  it('puts running AI cameras first, then by name, and caps the count', () => {
    const cameras = [camera('1', 'Yard', false), camera('2', 'Gate', true), camera('3', 'Attic', true, false), camera('4', 'Dock', true), camera('5', 'Alley', false)];
    expect(camerasToWatch(cameras)).toEqual(['4', '2', '3', '5', '1']);
    expect(camerasToWatch(cameras, 2)).toEqual(['4', '2']);
  });
});

describe('classOptions', () => {
  it('lists the classes seen, sorted, keeping the selected one', () => {
    const rows = ['person', 'car', 'person'].map((name) => ({ class: name }) as RecentDetection);
    expect(classOptions(rows, null)).toEqual(['car', 'person']);
    expect(classOptions(rows, 'dog')).toEqual(['car', 'dog', 'person']);
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2025, 5, 1, 12, 0, 0);
  it('reads naturally at every scale', () => {
    expect(formatRelativeTime(now - 3_000, now)).toBe('just now');
    expect(formatRelativeTime(now - 42_000, now)).toBe('42 s ago');
    expect(formatRelativeTime(now - 5 * 60_000 - 10_000, now)).toBe('5 min ago');
    expect(formatRelativeTime(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(formatRelativeTime(now - 3 * 86_400_000, now)).not.toMatch(/ago/);
  });

  it('treats a server clock ahead of ours as just now', () => {
    expect(formatRelativeTime(now + 5_000, now)).toBe('just now');
  });
});

describe('formatConfidence', () => {
  it('rounds to whole percent', () => {
    expect(formatConfidence(0.874)).toBe('87%');
  });
});
