import { useCallback, useSyncExternalStore } from 'react';

interface Ticker {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
}

// One timer per interval for the whole page, however many relative times are on screen.
const tickers = new Map<number, Ticker>();

function ticker(intervalMs: number): Ticker {
  let entry = tickers.get(intervalMs);
  if (!entry) {
    entry = { now: Date.now(), listeners: new Set(), timer: null };
    tickers.set(intervalMs, entry);
  }
  return entry;
}

function subscribe(intervalMs: number, listener: () => void): () => void {
  const entry = ticker(intervalMs);
  entry.listeners.add(listener);
  entry.timer ??= setInterval(() => {
    entry.now = Date.now();
    for (const notify of entry.listeners) notify();
  }, intervalMs);
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size > 0) return;
    if (entry.timer !== null) clearInterval(entry.timer);
    tickers.delete(intervalMs);
  };
}

/** The current time, updated every `intervalMs` (shared by every component using that interval). */
export function useNow(intervalMs: number): number {
  const subscribeToTicker = useCallback((listener: () => void) => subscribe(intervalMs, listener), [intervalMs]);
  const getNow = useCallback(() => ticker(intervalMs).now, [intervalMs]);
  return useSyncExternalStore(subscribeToTicker, getNow);
}
