import { beforeEach, describe, expect, it } from 'vitest';
import { MOSAIC_STORAGE_KEY, mosaicSelectors, useMosaicStore } from './store';
import type { Mosaic } from './types';

function mosaic(id: string, overrides: Partial<Mosaic> = {}): Mosaic {
  return {
    id,
    name: `Mosaic ${id}`,
    layout: '2x2',
    tiles: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const lobby = mosaic('m1', {
  tiles: [
    { position: 0, cameraId: 'cam-a' },
    { position: 3, cameraId: 'cam-d' },
  ],
});
const yard = mosaic('m2', { layout: '3x3' });

const state = () => useMosaicStore.getState();

function persistedSelection(): unknown {
  const raw = localStorage.getItem(MOSAIC_STORAGE_KEY);
  return raw === null ? null : (JSON.parse(raw) as { state: { selectedMosaicId: unknown } }).state.selectedMosaicId;
}

beforeEach(() => {
  useMosaicStore.setState(useMosaicStore.getInitialState(), true);
});

describe('choosing a mosaic', () => {
  it('shows the first mosaic when none was chosen before, with its tiles in their cells', () => {
    state().syncMosaics([lobby, yard]);

    expect(state().selectedMosaicId).toBe('m1');
    expect(state().draft).toMatchObject({ mosaicId: 'm1', layout: '2x2', slots: ['cam-a', null, null, 'cam-d'] });
    expect(persistedSelection()).toBe('m1');
  });

  it('comes back to the remembered mosaic after a reload', async () => {
    localStorage.setItem(MOSAIC_STORAGE_KEY, JSON.stringify({ state: { selectedMosaicId: 'm2' }, version: 1 }));
    await useMosaicStore.persist.rehydrate();

    state().syncMosaics([lobby, yard]);

    expect(state().draft?.mosaicId).toBe('m2');
    expect(state().draft?.slots).toHaveLength(9);
  });

  it('falls back to the first mosaic when the remembered one was deleted', () => {
    state().selectMosaic(yard);
    state().syncMosaics([lobby]);
    expect(state().draft?.mosaicId).toBe('m1');
    expect(state().selectedMosaicId).toBe('m1');
  });

  it('keeps local edits when the list is refetched', () => {
    state().syncMosaics([lobby, yard]);
    state().assignCamera(1, 'cam-b');
    const draft = state().draft;

    state().syncMosaics([{ ...lobby, updatedAt: '2025-02-01T00:00:00.000Z' }, yard]);

    expect(state().draft).toBe(draft);
  });

  it('shows nothing once the last mosaic is gone', () => {
    state().syncMosaics([lobby]);
    state().syncMosaics([]);
    expect(state().draft).toBeNull();
  });

  it('selecting another mosaic resets the cells, the save status and the player states', () => {
    state().syncMosaics([lobby, yard]);
    state().setPlayerStatus(0, 'cam-a', { state: 'live' });
    state().assignCamera(1, 'cam-b');

    state().selectMosaic(yard);

    expect(state().draft).toMatchObject({ mosaicId: 'm2', version: 0, savedVersion: 0 });
    expect(state().saveStatus).toBe('idle');
    expect(state().players).toEqual({});
    expect(persistedSelection()).toBe('m2');
  });
});

describe('editing the chosen mosaic', () => {
  beforeEach(() => {
    state().syncMosaics([lobby]);
  });

  it('every change bumps the version and waits to be saved; a no-op does not', () => {
    state().assignCamera(1, 'cam-b');
    expect(state().draft).toMatchObject({ version: 1, slots: ['cam-a', 'cam-b', null, 'cam-d'] });
    expect(state().saveStatus).toBe('pending');

    state().assignCamera(1, 'cam-b');
    state().moveCamera(2, 2);
    state().clearCamera(2);
    expect(state().draft?.version).toBe(1);

    state().moveCamera(0, 2);
    expect(state().draft).toMatchObject({ version: 2, slots: [null, 'cam-b', 'cam-a', 'cam-d'] });

    state().clearCamera(3);
    expect(state().draft).toMatchObject({ version: 3, slots: [null, 'cam-b', 'cam-a', null] });
  });

  it('a save of an older version leaves the draft pending; the newest one marks it saved', () => {
    state().assignCamera(1, 'cam-b');
    state().assignCamera(2, 'cam-c');

    state().markSaved('m1', 1);
    expect(state().saveStatus).toBe('pending');

    state().markSaved('m1', 2);
    expect(state().saveStatus).toBe('saved');
    expect(state().draft?.savedVersion).toBe(2);
  });

  it('ignores a save that belongs to a mosaic no longer shown', () => {
    state().assignCamera(1, 'cam-b');
    state().markSaved('m2', 5);
    expect(state().draft?.savedVersion).toBe(0);
  });

  it('growing the layout keeps the cameras and shows no notice', () => {
    state().setLayout('3x3');
    expect(state().draft?.layout).toBe('3x3');
    expect(state().draft?.slots).toEqual(['cam-a', null, null, 'cam-d', null, null, null, null, null]);
    expect(state().layoutNotice).toBeNull();
  });

  it('shrinking reports the cameras that did not fit, and Undo restores the previous grid', () => {
    state().setLayout('1x1');
    expect(state().draft?.slots).toEqual(['cam-a']);
    expect(state().layoutNotice?.dropped).toBe(1);

    state().undoLayout();
    expect(state().draft).toMatchObject({ layout: '2x2', slots: ['cam-a', null, null, 'cam-d'], version: 2 });
    expect(state().layoutNotice).toBeNull();
  });

  it('ignores cells outside the grid (a drag from before a layout change)', () => {
    const before = state().draft;
    state().assignCamera(4, 'cam-x');
    state().moveCamera(8, 0);
    state().clearCamera(-1);
    expect(state().draft).toBe(before);
  });

  it('requestSave marks the unchanged draft for another save', () => {
    state().setSaveStatus('error', 'Server down');
    state().requestSave();
    expect(state().draft?.version).toBe(1);
    expect(state().saveStatus).toBe('pending');
    expect(state().saveError).toBeNull();
  });
});

describe('per-tile subscriptions', () => {
  beforeEach(() => {
    state().syncMosaics([lobby]);
  });

  it("a tile's camera selector keeps its value when another tile changes", () => {
    const cameraAt0 = mosaicSelectors.cameraAt(0);
    const before = cameraAt0(state());
    state().assignCamera(1, 'cam-b');
    expect(cameraAt0(state())).toBe(before);
    expect(mosaicSelectors.cameraAt(1)(state())).toBe('cam-b');
  });

  it("a tile's player state is kept as the same object while other tiles report", () => {
    state().setPlayerStatus(0, 'cam-a', { state: 'live' });
    const tile0 = mosaicSelectors.playerAt(0, 'cam-a');
    const before = tile0(state());

    state().setPlayerStatus(3, 'cam-d', { state: 'connecting' });
    state().setPlayerStatus(0, 'cam-a', { state: 'live' });

    expect(tile0(state())).toBe(before);
  });

  it('forgets the player state of a cell once another camera is put there', () => {
    state().setPlayerStatus(0, 'cam-a', { state: 'error', message: 'gone' });
    state().assignCamera(0, 'cam-z');
    expect(mosaicSelectors.playerAt(0, 'cam-z')(state())).toBeNull();
  });

  it('clears a cell\'s player state only for the camera that reported it', () => {
    state().setPlayerStatus(0, 'cam-a', { state: 'live' });
    state().clearPlayerStatus(0, 'cam-other');
    expect(mosaicSelectors.playerAt(0, 'cam-a')(state())).toEqual({ state: 'live' });
    state().clearPlayerStatus(0, 'cam-a');
    expect(mosaicSelectors.playerAt(0, 'cam-a')(state())).toBeNull();
  });

  it('counts the live cells', () => {
    state().setPlayerStatus(0, 'cam-a', { state: 'live' });
    state().setPlayerStatus(3, 'cam-d', { state: 'offline' });
    expect(mosaicSelectors.liveCount(state())).toBe(1);
  });

  it('toggles detections per camera', () => {
    expect(mosaicSelectors.detectionsOn('cam-a')(state())).toBe(true);
    state().toggleDetections('cam-a');
    expect(mosaicSelectors.detectionsOn('cam-a')(state())).toBe(false);
    expect(mosaicSelectors.detectionsOn('cam-d')(state())).toBe(true);
    state().toggleDetections('cam-a');
    expect(mosaicSelectors.detectionsOn('cam-a')(state())).toBe(true);
  });
});
