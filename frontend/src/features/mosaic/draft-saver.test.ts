import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraftSaver } from './draft-saver';

interface Draft {
  id: string;
  version: number;
}

function setup() {
  const saved: Draft[] = [];
  const save = vi.fn(async (draft: Draft) => {
    saved.push(draft);
  });
  const saver = createDraftSaver<Draft>({ delayMs: 500, keyOf: (d) => d.id, save });
  return { saver, save, saved };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('draft saver', () => {
  it('saves once, with the newest draft, after the edits stop for the delay', async () => {
    const { saver, save, saved } = setup();

    saver.schedule({ id: 'm1', version: 1 });
    await vi.advanceTimersByTimeAsync(400);
    saver.schedule({ id: 'm1', version: 2 });
    await vi.advanceTimersByTimeAsync(400);
    expect(save).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(100);
    expect(saved).toEqual([{ id: 'm1', version: 2 }]);
  });

  it('saves the waiting draft of one mosaic at once when another mosaic is edited', async () => {
    const { saver, saved } = setup();

    saver.schedule({ id: 'm1', version: 3 });
    saver.schedule({ id: 'm2', version: 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([{ id: 'm1', version: 3 }]);

    await vi.advanceTimersByTimeAsync(500);
    expect(saved).toEqual([
      { id: 'm1', version: 3 },
      { id: 'm2', version: 1 },
    ]);
  });

  it('flush saves immediately and there is nothing left to save afterwards', async () => {
    const { saver, save } = setup();

    saver.schedule({ id: 'm1', version: 1 });
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(1_000);
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('runs saves one after the other, so a slow save cannot overwrite a newer one', async () => {
    const order: string[] = [];
    let finishFirst: () => void = () => undefined;
    const save = vi.fn(
      (draft: Draft) =>
        new Promise<void>((resolve) => {
          order.push(`start ${draft.version}`);
          const done = () => {
            order.push(`end ${draft.version}`);
            resolve();
          };
          if (draft.version === 1) finishFirst = done;
          else done();
        }),
    );
    const saver = createDraftSaver<Draft>({ delayMs: 500, keyOf: (d) => d.id, save });

    saver.schedule({ id: 'm1', version: 1 });
    await vi.advanceTimersByTimeAsync(500);
    saver.schedule({ id: 'm1', version: 2 });
    await vi.advanceTimersByTimeAsync(500);
    expect(order).toEqual(['start 1']);

    finishFirst();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('keeps saving after a failed save', async () => {
    const save = vi.fn(async (draft: Draft) => {
      if (draft.version === 1) throw new Error('offline');
    });
    const saver = createDraftSaver<Draft>({ delayMs: 500, keyOf: (d) => d.id, save });

    saver.schedule({ id: 'm1', version: 1 });
    await vi.advanceTimersByTimeAsync(500);
    saver.schedule({ id: 'm1', version: 2 });
    await vi.advanceTimersByTimeAsync(500);

    expect(save.mock.calls.map(([draft]) => draft.version)).toEqual([1, 2]);
  });

  it('cancel forgets the waiting draft', async () => {
    const { saver, save } = setup();
    saver.schedule({ id: 'm1', version: 1 });
    saver.cancel();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save).not.toHaveBeenCalled();
  });
});
