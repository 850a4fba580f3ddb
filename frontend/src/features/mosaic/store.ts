import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { PlayerStatus } from '@/features/live-player/types';
import { assignSlot, clearSlot, moveSlot, resizeSlots, slotsFromTiles } from './layout';
import type { Layout, Mosaic, Slots } from './types';

export const MOSAIC_STORAGE_KEY = 'vms.live.mosaic';

/** The chosen mosaic as edited on this page; saved to the API a moment after each change. */
export interface MosaicDraft {
  mosaicId: string;
  layout: Layout;
  slots: Slots;
  /** Bumped by every edit; the draft is saved when `savedVersion` catches up. */
  version: number;
  savedVersion: number;
}

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** Shown after a smaller layout pushed cameras out, with what Undo restores. */
export interface LayoutNotice {
  dropped: number;
  previous: { layout: Layout; slots: Slots };
}

export interface MosaicState {
  /** Remembered across reloads. */
  selectedMosaicId: string | null;
  draft: MosaicDraft | null;
  saveStatus: SaveStatus;
  saveError: string | null;
  layoutNotice: LayoutNotice | null;
  /** Player state per cell, tagged with the camera it belongs to. */
  players: Record<number, { cameraId: string; status: PlayerStatus }>;
  /** Cameras whose detection boxes the user switched off. */
  detectionsHidden: Record<string, true>;
  /** The cell the camera picker fills, or null when the picker is closed. */
  pickerPosition: number | null;
  /** A camera shown large instead of the grid (opened from an event). */
  spotlightCameraId: string | null;

  /** Picks the mosaic to show from the user's list: the remembered one, else the first. */
  syncMosaics: (mosaics: readonly Mosaic[]) => void;
  selectMosaic: (mosaic: Mosaic) => void;
  setLayout: (layout: Layout) => void;
  undoLayout: () => void;
  dismissLayoutNotice: () => void;
  assignCamera: (position: number, cameraId: string) => void;
  moveCamera: (from: number, to: number) => void;
  clearCamera: (position: number) => void;
  /** Marks the draft changed so it is saved again (after a failed save). */
  requestSave: () => void;
  markSaved: (mosaicId: string, version: number) => void;
  setSaveStatus: (status: SaveStatus, error?: string | null) => void;
  setPlayerStatus: (position: number, cameraId: string, status: PlayerStatus) => void;
  /** The cell's player went away (camera held, changed or removed). */
  clearPlayerStatus: (position: number, cameraId: string) => void;
  toggleDetections: (cameraId: string) => void;
  openPicker: (position: number) => void;
  closePicker: () => void;
  openSpotlight: (cameraId: string) => void;
  closeSpotlight: () => void;
}

function draftOf(mosaic: Mosaic): MosaicDraft {
  return {
    mosaicId: mosaic.id,
    layout: mosaic.layout,
    slots: slotsFromTiles(mosaic.tiles, mosaic.layout),
    version: 0,
    savedVersion: 0,
  };
}

function inGrid(draft: MosaicDraft, position: number): boolean {
  return Number.isInteger(position) && position >= 0 && position < draft.slots.length;
}

/** A fresh mosaic on screen: nothing of the previous one's cells may leak into it. */
const freshView = {
  saveStatus: 'idle',
  saveError: null,
  layoutNotice: null,
  players: {},
  pickerPosition: null,
} as const satisfies Partial<MosaicState>;

export const useMosaicStore = create<MosaicState>()(
  persist(
    (set, get) => {
      /** Applies an edit of the cells; an edit that changes nothing neither bumps nor saves. */
      const editSlots = (
        edit: (draft: MosaicDraft) => Partial<MosaicDraft> | null,
        alongside: Partial<MosaicState> = {},
      ) => {
        const { draft } = get();
        if (!draft) return;
        const changes = edit(draft);
        if (!changes) return;
        set({
          draft: { ...draft, ...changes, version: draft.version + 1 },
          saveStatus: 'pending',
          saveError: null,
          ...alongside,
        });
      };

      return {
        selectedMosaicId: null,
        draft: null,
        saveStatus: 'idle',
        saveError: null,
        layoutNotice: null,
        players: {},
        detectionsHidden: {},
        pickerPosition: null,
        spotlightCameraId: null,

        syncMosaics: (mosaics) => {
          const { selectedMosaicId, draft } = get();
          const chosen = mosaics.find((m) => m.id === selectedMosaicId) ?? mosaics[0] ?? null;
          if (!chosen) {
            if (draft) set({ draft: null, ...freshView });
            return;
          }
          if (draft?.mosaicId === chosen.id) {
            if (selectedMosaicId !== chosen.id) set({ selectedMosaicId: chosen.id });
            return;
          }
          set({ selectedMosaicId: chosen.id, draft: draftOf(chosen), ...freshView });
        },

        selectMosaic: (mosaic) => {
          if (get().draft?.mosaicId === mosaic.id) return;
          set({ selectedMosaicId: mosaic.id, draft: draftOf(mosaic), ...freshView, spotlightCameraId: null });
        },

        setLayout: (layout) => {
          const { draft } = get();
          if (!draft || draft.layout === layout) return;
          const { slots, dropped } = resizeSlots(draft.slots, layout);
          const layoutNotice =
            dropped.length > 0
              ? { dropped: dropped.length, previous: { layout: draft.layout, slots: draft.slots } }
              : null;
          editSlots(() => ({ layout, slots }), { layoutNotice });
        },

        undoLayout: () => {
          const notice = get().layoutNotice;
          if (!notice) return;
          editSlots(() => ({ ...notice.previous }), { layoutNotice: null });
        },

        dismissLayoutNotice: () => set({ layoutNotice: null }),

        // Positions come from the UI (a drag started before the layout changed, say): ignore
        // what is outside the grid instead of throwing.
        assignCamera: (position, cameraId) =>
          editSlots((draft) => {
            if (!inGrid(draft, position)) return null;
            const slots = assignSlot(draft.slots, position, cameraId);
            return slots === draft.slots ? null : { slots };
          }),

        moveCamera: (from, to) =>
          editSlots((draft) => {
            if (!inGrid(draft, from) || !inGrid(draft, to)) return null;
            const slots = moveSlot(draft.slots, from, to);
            return slots === draft.slots ? null : { slots };
          }),

        clearCamera: (position) =>
          editSlots((draft) => {
            if (!inGrid(draft, position)) return null;
            const slots = clearSlot(draft.slots, position);
            return slots === draft.slots ? null : { slots };
          }),

        requestSave: () => editSlots(() => ({})),

        markSaved: (mosaicId, version) => {
          const { draft } = get();
          if (!draft || draft.mosaicId !== mosaicId) return;
          const savedVersion = Math.max(draft.savedVersion, version);
          set({
            draft: { ...draft, savedVersion },
            saveStatus: savedVersion >= draft.version ? 'saved' : 'pending',
            saveError: null,
          });
        },

        setSaveStatus: (saveStatus, saveError = null) => set({ saveStatus, saveError }),

        setPlayerStatus: (position, cameraId, status) => {
          const current = get().players[position];
          if (
            current?.cameraId === cameraId &&
            current.status.state === status.state &&
            current.status.message === status.message
          ) {
            return;
          }
          set((s) => ({ players: { ...s.players, [position]: { cameraId, status } } }));
        },

        clearPlayerStatus: (position, cameraId) => {
          if (get().players[position]?.cameraId !== cameraId) return;
          set((s) => {
            const { [position]: _gone, ...players } = s.players;
            return { players };
          });
        },

        toggleDetections: (cameraId) =>
          set((s) => {
            const { [cameraId]: hidden, ...others } = s.detectionsHidden;
            return { detectionsHidden: hidden ? others : { ...others, [cameraId]: true } };
          }),

        openPicker: (position) => set({ pickerPosition: position }),
        closePicker: () => set({ pickerPosition: null }),
        openSpotlight: (cameraId) => set({ spotlightCameraId: cameraId }),
        closeSpotlight: () => set({ spotlightCameraId: null }),
      };
    },
    {
      name: MOSAIC_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ selectedMosaicId: state.selectedMosaicId }),
    },
  ),
);

/** Narrow selectors: a tile subscribes to its own cell only. */
export const mosaicSelectors = {
  draft: (s: MosaicState) => s.draft,
  mosaicId: (s: MosaicState) => s.draft?.mosaicId ?? null,
  layout: (s: MosaicState) => s.draft?.layout ?? null,
  slots: (s: MosaicState) => s.draft?.slots ?? null,
  cameraAt: (position: number) => (s: MosaicState) => s.draft?.slots[position] ?? null,
  /** The player state of a cell, only while it still belongs to the camera shown there. */
  playerAt: (position: number, cameraId: string | null) => (s: MosaicState) => {
    const entry = s.players[position];
    return entry && entry.cameraId === cameraId ? entry.status : null;
  },
  detectionsOn: (cameraId: string | null) => (s: MosaicState) =>
    cameraId !== null && !s.detectionsHidden[cameraId],
  saveStatus: (s: MosaicState) => s.saveStatus,
  saveError: (s: MosaicState) => s.saveError,
  layoutNotice: (s: MosaicState) => s.layoutNotice,
  pickerPosition: (s: MosaicState) => s.pickerPosition,
  spotlightCameraId: (s: MosaicState) => s.spotlightCameraId,
  /** How many cells have a camera that plays right now. */
  liveCount: (s: MosaicState) => {
    const slots = s.draft?.slots ?? [];
    return slots.filter((cameraId, position) => {
      const entry = s.players[position];
      return cameraId !== null && entry?.cameraId === cameraId && entry.status.state === 'live';
    }).length;
  },
};
