import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { mosaicKeys, mosaicsApi } from '../api';
import { createDraftSaver } from '../draft-saver';
import { tilesFromSlots } from '../layout';
import { useMosaicStore, type MosaicDraft } from '../store';
import type { Mosaic } from '../types';

/** Saved this long after the last change: a burst of drags becomes one request. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the layout and tiles of the mosaic on screen after each change (debounced), and at once
 * when the user leaves the page or switches to another mosaic.
 */
export function useMosaicAutosave(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    const store = useMosaicStore;
    const isShown = (draft: MosaicDraft) => store.getState().draft?.mosaicId === draft.mosaicId;

    const saver = createDraftSaver<MosaicDraft>({
      delayMs: AUTOSAVE_DELAY_MS,
      keyOf: (draft) => draft.mosaicId,
      save: async (draft) => {
        if (isShown(draft)) store.getState().setSaveStatus('saving');
        try {
          const saved = await mosaicsApi.update(draft.mosaicId, {
            layout: draft.layout,
            tiles: tilesFromSlots(draft.slots),
          });
          queryClient.setQueryData<Mosaic[]>(mosaicKeys.list, (list) =>
            list?.map((mosaic) => (mosaic.id === saved.id ? saved : mosaic)),
          );
          store.getState().markSaved(draft.mosaicId, draft.version);
        } catch (error) {
          if (isShown(draft)) {
            store.getState().setSaveStatus('error', error instanceof Error ? error.message : 'Unknown error');
          }
          throw error;
        }
      },
    });

    const unsubscribe = store.subscribe((state, previous) => {
      const { draft } = state;
      if (draft && draft !== previous.draft && draft.version > draft.savedVersion) saver.schedule(draft);
    });
    const handlePageHide = () => void saver.flush();
    window.addEventListener('pagehide', handlePageHide);

    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', handlePageHide);
      void saver.flush();
    };
  }, [queryClient]);
}
