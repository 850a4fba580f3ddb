import { describe, expect, it } from 'vitest';
import { MAX_RECONNECT_ATTEMPTS } from './backoff';
import type { FailurePlan } from './playback-errors';
import { initialReconnect, reconnectReducer, type ReconnectState } from './reconnect';

const transient: FailurePlan = { kind: 'retry', renewUrls: false, reason: 'Stream unreachable' };

function failAndRetry(state: ReconnectState, times: number): ReconnectState {
  let next = state;
  for (let i = 0; i < times; i += 1) {
    next = reconnectReducer(next, { type: 'failed', plan: transient, jitter: 0 });
    next = reconnectReducer(next, { type: 'retry' });
  }
  return next;
}

describe('reconnecting a player', () => {
  it('waits, then remounts the engine with a new key', () => {
    const failed = reconnectReducer(initialReconnect, { type: 'failed', plan: transient, jitter: 0 });
    expect(failed).toMatchObject({ failures: 1, waitMs: 1_000, attempt: 0 });

    const retried = reconnectReducer(failed, { type: 'retry' });
    expect(retried).toMatchObject({ attempt: 1, waitMs: null });
  });

  it('waits longer after each failure in a row', () => {
    const waits: (number | null)[] = [];
    let state = initialReconnect;
    for (let i = 0; i < 4; i += 1) {
      state = reconnectReducer(state, { type: 'failed', plan: transient, jitter: 0 });
      waits.push(state.waitMs);
      state = reconnectReducer(state, { type: 'retry' });
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('counts one failure per attempt, however many errors the engine reports', () => {
    let state = reconnectReducer(initialReconnect, { type: 'failed', plan: transient, jitter: 0 });
    state = reconnectReducer(state, { type: 'failed', plan: transient, jitter: 0 });
    expect(state.failures).toBe(1);
  });

  it('waits at least as long as the server asked', () => {
    const plan: FailurePlan = { kind: 'retry', renewUrls: true, reason: 'Too many requests', notBeforeMs: 20_000 };
    const state = reconnectReducer(initialReconnect, { type: 'failed', plan, jitter: 0 });
    expect(state).toMatchObject({ waitMs: 20_000, renewUrls: true });
  });

  it('gives up after the last attempt instead of retrying forever', () => {
    const exhausted = failAndRetry(initialReconnect, MAX_RECONNECT_ATTEMPTS);
    expect(exhausted.stopped).toBeNull();

    const stopped = reconnectReducer(exhausted, { type: 'failed', plan: transient, jitter: 0 });
    expect(stopped.stopped).toEqual({ state: 'error', message: 'Stream unreachable' });
    expect(stopped.waitMs).toBeNull();
    expect(reconnectReducer(stopped, { type: 'retry' })).toBe(stopped);
  });

  it('stops at once for a failure that retrying cannot fix', () => {
    const plan: FailurePlan = { kind: 'stop', status: { state: 'offline', message: 'Camera disabled' } };
    const state = reconnectReducer(initialReconnect, { type: 'failed', plan, jitter: 0 });
    expect(state.stopped).toEqual({ state: 'offline', message: 'Camera disabled' });
  });

  it('playing again forgets earlier failures, so a later outage starts with short waits', () => {
    const state = reconnectReducer(failAndRetry(initialReconnect, 3), { type: 'playing' });
    expect(state.failures).toBe(0);
  });
});
