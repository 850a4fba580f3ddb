import type { RecentDetection } from '@/features/live-events/types';
import type { PanelCamera } from './types';

/** The gateway takes at most this many cameras per subscription message; the panel watches that many. */
export const MAX_WATCHED_CAMERAS = 64;

/**
 * The cameras whose events the panel watches: AI-enabled running cameras first (only they produce
 * detections), then by name, at most `max`.
 */
export function camerasToWatch(cameras: readonly PanelCamera[], max = MAX_WATCHED_CAMERAS): string[] {
  const rank = (camera: PanelCamera) => (camera.ai.enabled && camera.enabled ? 0 : camera.ai.enabled ? 1 : 2);
  return [...cameras]
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((camera) => camera.id);
}

/** Classes seen in the recent list, plus the selected one so the filter never loses its value. */
export function classOptions(recent: readonly RecentDetection[], selected: string | null): string[] {
  const classes = new Set(recent.map((row) => row.class));
  if (selected) classes.add(selected);
  return [...classes].sort((a, b) => a.localeCompare(b));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "42 s ago", "5 min ago", "3 h ago", then the date; a clock ahead of ours reads "just now". */
export function formatRelativeTime(timestamp: number, now: number): string {
  const age = Math.max(0, now - timestamp);
  if (age < 10_000) return 'just now';
  if (age < MINUTE) return `${Math.floor(age / 1000)} s ago`;
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  return new Date(timestamp).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
