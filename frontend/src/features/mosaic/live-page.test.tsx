import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '@/features/auth/store';
import type { LivePlayerProps } from '@/features/live-player/components/LivePlayer';
import { LivePage } from '@/pages/LivePage';
import { DRAG_CAMERA, DRAG_TILE } from './dnd';
import { AUTOSAVE_DELAY_MS } from './hooks/use-mosaic-autosave';
import { MOSAIC_STORAGE_KEY, useMosaicStore } from './store';
import type { Camera, Mosaic } from './types';

// The real player needs Media Source and a stream; here it only reports that it plays.
const mountedPlayers = vi.hoisted(() => new Set<string>());
vi.mock('@/features/live-player/components/LivePlayer', () => ({
  LivePlayer: ({ cameraId, label, videoTestId, onStatusChange }: LivePlayerProps) => {
    useEffect(() => {
      mountedPlayers.add(cameraId);
      onStatusChange?.({ state: 'live' });
      return () => {
        mountedPlayers.delete(cameraId);
      };
    }, [cameraId, onStatusChange]);
    return <video data-testid={videoTestId} aria-label={label} />;
  },
}));

// Every tile renders its overlay once per render of the tile: a cheap render counter per camera.
const overlayRenders = vi.hoisted(() => new Map<string, number>());
vi.mock('@/features/overlays/DetectionOverlay', () => ({
  DetectionOverlay: ({ cameraId }: { cameraId: string }) => {
    overlayRenders.set(cameraId, (overlayRenders.get(cameraId) ?? 0) + 1);
    return null;
  },
}));

const operator = { id: 'u-1', email: 'op@example.com', displayName: 'Op', role: 'operator' } as const;

const cameras: Camera[] = [
  { id: 'cam-gate', name: 'Gate', enabled: true, status: 'online', lastError: null },
  { id: 'cam-yard', name: 'Yard', enabled: true, status: 'provisioning', lastError: null },
  { id: 'cam-dock', name: 'Dock', enabled: true, status: 'offline', lastError: null },
];

function mosaic(overrides: Partial<Mosaic>): Mosaic {
  return {
    id: 'm-lobby',
    name: 'Lobby',
    layout: '2x2',
    tiles: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

interface Call {
  method: string;
  url: string;
  body: unknown;
}

function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function fakeApi(initial: Mosaic[]) {
  let mosaics = [...initial];
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    if (url === '/api/cameras') return json(200, cameras);
    if (url === '/api/mosaics' && method === 'GET') return json(200, mosaics);
    if (url === '/api/mosaics' && method === 'POST') {
      const created = mosaic({ id: 'm-new', ...body });
      mosaics = [...mosaics, created];
      return json(201, created);
    }
    const match = /^\/api\/mosaics\/(.+)$/.exec(url);
    if (match) {
      const id = decodeURIComponent(match[1]!);
      if (method === 'DELETE') {
        mosaics = mosaics.filter((m) => m.id !== id);
        return json(204);
      }
      if (method === 'PATCH') {
        mosaics = mosaics.map((m) => (m.id === id ? { ...m, ...body } : m));
        return json(200, mosaics.find((m) => m.id === id));
      }
    }
    return json(404, { error: { code: 'NOT_FOUND', message: `no fake for ${method} ${url}` } });
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, writes: () => calls.filter((c) => c.method !== 'GET') };
}

function renderPage() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <LivePage />
    </QueryClientProvider>,
  );
}

const tiles = () => screen.getAllByTestId('mosaic-tile');
const tile = (position: number) => tiles()[position]!;

function dataTransfer(data: Record<string, string>) {
  const store = { ...data };
  return {
    types: Object.keys(store),
    getData: (type: string) => store[type] ?? '',
    setData: (type: string, value: string) => {
      store[type] = value;
    },
    dropEffect: 'none',
    effectAllowed: 'all',
  };
}

beforeEach(() => {
  useMosaicStore.setState(useMosaicStore.getInitialState(), true);
  useAuthStore.setState({ accessToken: 'a', refreshToken: 'r', user: operator });
  mountedPlayers.clear();
  overlayRenders.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Live page', () => {
  it('shows the remembered mosaic with a tile per cell, names and states', async () => {
    localStorage.setItem(MOSAIC_STORAGE_KEY, JSON.stringify({ state: { selectedMosaicId: 'm-yard' }, version: 1 }));
    await useMosaicStore.persist.rehydrate();
    fakeApi([
      mosaic({}),
      mosaic({
        id: 'm-yard',
        name: 'Yard',
        tiles: [
          { position: 0, cameraId: 'cam-gate' },
          { position: 2, cameraId: 'cam-dock' },
        ],
      }),
    ]);

    renderPage();

    await waitFor(() => expect(tile(0).dataset.state).toBe('live'));
    expect(tiles()).toHaveLength(4);
    expect(screen.getByLabelText('Mosaic')).toHaveProperty('value', 'm-yard');
    expect(tile(0).dataset.cameraId).toBe('cam-gate');
    expect(within(tile(0)).getByTestId('tile-video')).toBeTruthy();
    expect(within(tile(0)).getByText('Gate')).toBeTruthy();
    expect(tile(1).dataset).toMatchObject({ state: 'empty', cameraId: '' });
    // The camera list says Dock is offline: the tile says so and does not try to play.
    expect(tile(2).dataset.state).toBe('offline');
    expect(within(tile(2)).getByText('Dock')).toBeTruthy();
    expect(mountedPlayers.has('cam-dock')).toBe(false);
    expect(screen.getByRole('button', { name: '2x2 layout' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('Retry on an offline tile plays it anyway', async () => {
    fakeApi([mosaic({ tiles: [{ position: 0, cameraId: 'cam-dock' }] })]);
    renderPage();
    await waitFor(() => expect(tile(0).dataset.state).toBe('offline'));

    fireEvent.click(within(tile(0)).getByRole('button', { name: 'Retry Dock' }));

    await waitFor(() => expect(tile(0).dataset.state).toBe('live'));
    expect(mountedPlayers.has('cam-dock')).toBe(true);
  });

  it('changes the layout and saves it once after the changes stop', async () => {
    const api = fakeApi([mosaic({ tiles: [{ position: 3, cameraId: 'cam-gate' }] })]);
    renderPage();
    await waitFor(() => expect(tiles()).toHaveLength(4));
    vi.useFakeTimers();

    fireEvent.click(screen.getByRole('button', { name: '3x3 layout' }));
    fireEvent.click(screen.getByRole('button', { name: '4x4 layout' }));
    expect(tiles()).toHaveLength(16);
    expect(screen.getByRole('button', { name: '4x4 layout' }).getAttribute('aria-pressed')).toBe('true');
    expect(api.writes()).toEqual([]);

    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    vi.useRealTimers();

    await waitFor(() => expect(screen.getByTestId('mosaic-save-status').dataset.status).toBe('saved'));
    expect(api.writes()).toEqual([
      {
        method: 'PATCH',
        url: '/api/mosaics/m-lobby',
        body: { layout: '4x4', tiles: [{ position: 3, cameraId: 'cam-gate' }] },
      },
    ]);
  });

  it('shrinking keeps cameras that fit, offers Undo for the others', async () => {
    fakeApi([
      mosaic({
        tiles: [
          { position: 0, cameraId: 'cam-gate' },
          { position: 3, cameraId: 'cam-yard' },
        ],
      }),
    ]);
    renderPage();
    await waitFor(() => expect(tiles()).toHaveLength(4));

    fireEvent.click(screen.getByRole('button', { name: '1x1 layout' }));
    expect(tiles()).toHaveLength(1);
    expect(screen.getByText(/1 camera did not fit/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(tiles()).toHaveLength(4);
    expect(tile(3).dataset.cameraId).toBe('cam-yard');
  });

  it('puts a camera on a tile with the keyboard picker, and removes it again', async () => {
    const api = fakeApi([mosaic({})]);
    renderPage();
    await waitFor(() => expect(tiles()).toHaveLength(4));

    fireEvent.click(screen.getByRole('button', { name: 'Choose a camera for tile 2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Choose a camera for tile 2' });
    await waitFor(() => expect(within(dialog).getAllByRole('button', { name: /Yard/ })).toHaveLength(1));
    fireEvent.click(within(dialog).getByRole('button', { name: /Yard/ }));

    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(tile(1).dataset).toMatchObject({ cameraId: 'cam-yard', state: 'live' }));

    fireEvent.click(within(tile(1)).getByRole('button', { name: 'Remove Yard from tile 2' }));
    expect(tile(1).dataset).toMatchObject({ cameraId: '', state: 'empty' });
    expect(mountedPlayers.has('cam-yard')).toBe(false);

    await waitFor(() => expect(api.writes().at(-1)?.body).toEqual({ layout: '2x2', tiles: [] }), {
      timeout: AUTOSAVE_DELAY_MS * 3,
    });
  });

  it('drops a camera from the list onto a tile, and swaps tiles by dragging one onto another', async () => {
    fakeApi([mosaic({ tiles: [{ position: 0, cameraId: 'cam-gate' }] })]);
    renderPage();
    const toggle = screen.getByRole('button', { name: 'Cameras' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(screen.getAllByTestId('camera-list-item')).toHaveLength(3));

    const yard = screen.getAllByTestId('camera-list-item').find((item) => item.dataset.cameraId === 'cam-yard')!;
    const fromList = dataTransfer({});
    fireEvent.dragStart(yard, { dataTransfer: fromList });
    expect(fromList.getData(DRAG_CAMERA)).toBe('cam-yard');
    fireEvent.dragOver(tile(3), { dataTransfer: fromList });
    fireEvent.drop(tile(3), { dataTransfer: fromList });
    expect(tile(3).dataset.cameraId).toBe('cam-yard');

    const tileDrag = dataTransfer({});
    fireEvent.dragStart(tile(0), { dataTransfer: tileDrag });
    expect(tileDrag.getData(DRAG_TILE)).toBe('0');
    fireEvent.dragOver(tile(3), { dataTransfer: tileDrag });
    fireEvent.drop(tile(3), { dataTransfer: tileDrag });
    expect(tiles().map((t) => t.dataset.cameraId)).toEqual(['cam-yard', '', '', 'cam-gate']);
  });

  it('creates a mosaic from the dialog and shows it', async () => {
    const api = fakeApi([mosaic({})]);
    renderPage();
    await waitFor(() => expect(tiles()).toHaveLength(4));

    fireEvent.click(screen.getByRole('button', { name: 'New mosaic' }));
    const dialog = await screen.findByRole('dialog', { name: 'New mosaic' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: '  Perimeter ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(screen.getByLabelText('Mosaic')).toHaveProperty('value', 'm-new'));
    expect(api.writes()[0]).toEqual({
      method: 'POST',
      url: '/api/mosaics',
      body: { name: 'Perimeter', layout: '2x2', tiles: [] },
    });
    expect(JSON.parse(localStorage.getItem(MOSAIC_STORAGE_KEY)!).state.selectedMosaicId).toBe('m-new');
  });

  it('deletes a mosaic only after confirmation and shows the next one', async () => {
    const api = fakeApi([mosaic({}), mosaic({ id: 'm-yard', name: 'Yard', layout: '3x3' })]);
    renderPage();
    await waitFor(() => expect(tiles()).toHaveLength(4));

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete mosaic?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.writes()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete mosaic' }));

    await waitFor(() => expect(tiles()).toHaveLength(9));
    expect(api.writes()).toEqual([{ method: 'DELETE', url: '/api/mosaics/m-lobby', body: undefined }]);
  });

  it('re-renders only the tile whose player state changed', async () => {
    fakeApi([
      mosaic({
        tiles: [
          { position: 0, cameraId: 'cam-gate' },
          { position: 1, cameraId: 'cam-yard' },
        ],
      }),
    ]);
    renderPage();
    await waitFor(() => expect(tile(1).dataset.state).toBe('live'));
    const before = new Map(overlayRenders);

    act(() => useMosaicStore.getState().setPlayerStatus(0, 'cam-gate', { state: 'error', message: 'boom' }));

    expect(tile(0).dataset.state).toBe('error');
    expect(overlayRenders.get('cam-gate')).toBe(before.get('cam-gate')! + 1);
    expect(overlayRenders.get('cam-yard')).toBe(before.get('cam-yard'));
  });

  it('shows a camera large from an event, and Escape goes back to the mosaic', async () => {
    fakeApi([mosaic({ tiles: [{ position: 0, cameraId: 'cam-gate' }] })]);
    renderPage();
    await waitFor(() => expect(tile(0).dataset.state).toBe('live'));

    act(() => useMosaicStore.getState().openSpotlight('cam-yard'));

    const spotlight = screen.getByTestId('spotlight-tile');
    await waitFor(() => expect(spotlight.dataset).toMatchObject({ cameraId: 'cam-yard', state: 'live' }));
    expect(within(spotlight).getByTestId('spotlight-video')).toBeTruthy();
    expect(within(spotlight).getByText('Yard')).toBeTruthy();

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByTestId('spotlight-tile')).toBeNull();
    expect(tile(0).dataset.state).toBe('live');
  });

  it('explains how to start when the user has no mosaic', async () => {
    fakeApi([]);
    renderPage();
    expect(await screen.findByText('No mosaic yet')).toBeTruthy();
    expect(screen.queryAllByTestId('mosaic-tile')).toHaveLength(0);
  });
});
