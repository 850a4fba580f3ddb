import { MAX_RECONNECT_ATTEMPTS, reconnectDelayMs } from './backoff';
import type { FailurePlan } from './playback-errors';
import type { PlayerStatus } from './types';

export interface ReconnectState {
  /** Key of the current engine; a new value remounts it. */
  attempt: number;
  /** Failures since the stream last played. */
  failures: number;
  /** Set while waiting before the next attempt. */
  waitMs: number | null;
  /** The next attempt first fetches new stream URLs. */
  renewUrls: boolean;
  /** Set once the player gave up; only remounting the player (the user's Retry) starts it again. */
  stopped: PlayerStatus | null;
}

export type ReconnectAction =
  /** `jitter` (0..1, random) spreads the retries of tiles that failed together. */
  | { type: 'failed'; plan: FailurePlan; jitter: number }
  | { type: 'retry' }
  | { type: 'playing' };

export const initialReconnect: ReconnectState = {
  attempt: 0,
  failures: 0,
  waitMs: null,
  renewUrls: false,
  stopped: null,
};

export function reconnectReducer(state: ReconnectState, action: ReconnectAction): ReconnectState {
  switch (action.type) {
    case 'failed': {
      // One failure per attempt: the engine may report several before it is replaced.
      if (state.stopped || state.waitMs !== null) return state;
      const { plan } = action;
      if (plan.kind === 'stop') return { ...state, stopped: plan.status };
      const failures = state.failures + 1;
      if (failures > MAX_RECONNECT_ATTEMPTS) {
        return { ...state, failures, stopped: { state: 'error', message: plan.reason } };
      }
      return {
        ...state,
        failures,
        waitMs: Math.max(reconnectDelayMs(failures, { random: () => action.jitter }), plan.notBeforeMs ?? 0),
        renewUrls: plan.renewUrls,
      };
    }
    case 'retry':
      if (state.waitMs === null) return state;
      return { ...state, attempt: state.attempt + 1, waitMs: null, renewUrls: false };
    case 'playing':
      return state.failures === 0 ? state : { ...state, failures: 0 };
  }
}
