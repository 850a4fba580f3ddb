import type { PathHealth } from '../../media-server.port';
import { FailureReason } from './ffmpeg-failure';

/** A new segment within this many segment durations means media is flowing. */
const FRESH_SEGMENTS = 3;
const FRESH_SLACK_MS = 1000;

export interface PathFacts {
  /** An ffmpeg process exists for the path. */
  running: boolean;
  /** A start, a probe before one, or a restart is under way. */
  pending: boolean;
  /** When the current run last completed a segment (null: none yet). */
  lastSegmentAt: number | null;
  segmentSeconds: number;
  /** How the last run or probe ended: ok, or the failure reason (null: never ran nor probed). */
  lastOutcome: { ok: true } | { ok: false; reason: string } | null;
}

/**
 * The status rules: online while segments keep coming, offline when they stop or the stream
 * ended, error with the reason while the last attempt failed (also while retrying), starting
 * until the first segment, idle when nothing runs and the last attempt went fine.
 */
export function pathHealth(facts: PathFacts, now: number): { health: PathHealth; reason: string | null } {
  if (facts.running && facts.lastSegmentAt !== null) {
    const age = now - facts.lastSegmentAt;
    if (age <= FRESH_SEGMENTS * facts.segmentSeconds * 1000 + FRESH_SLACK_MS) return { health: 'online', reason: null };
    return { health: 'offline', reason: `no new segment for ${Math.round(age / 1000)} s` };
  }
  const failure = facts.lastOutcome && !facts.lastOutcome.ok ? facts.lastOutcome.reason : null;
  if (failure) return { health: failure === FailureReason.streamEnded ? 'offline' : 'error', reason: failure };
  return { health: facts.running || facts.pending ? 'starting' : 'idle', reason: null };
}
