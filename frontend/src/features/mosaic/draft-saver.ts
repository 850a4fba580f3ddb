export interface DraftSaverOptions<T> {
  delayMs: number;
  /** Drafts with different keys (different mosaics) are never merged into one save. */
  keyOf: (draft: T) => string;
  save: (draft: T) => Promise<void>;
}

export interface DraftSaver<T> {
  /** Saves `draft` once no newer draft arrived for `delayMs`; a draft of another key saves the waiting one first. */
  schedule: (draft: T) => void;
  /** Saves the waiting draft now; resolves when every save started so far has settled. */
  flush: () => Promise<void>;
  /** Forgets the waiting draft. */
  cancel: () => void;
}

/**
 * Debounces full-snapshot saves and runs them one after the other, so the server always ends
 * with the newest snapshot even when a slow save is still in flight.
 */
export function createDraftSaver<T>({ delayMs, keyOf, save }: DraftSaverOptions<T>): DraftSaver<T> {
  let waiting: T | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (waiting !== null) {
      const draft = waiting;
      waiting = null;
      // A failed save is reported by `save` itself; it must not stop the saves queued after it.
      queue = queue.then(() => save(draft)).catch(() => undefined);
    }
    return queue;
  }

  return {
    schedule(draft) {
      if (waiting !== null && keyOf(waiting) !== keyOf(draft)) void flush();
      waiting = draft;
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      waiting = null;
    },
  };
}
