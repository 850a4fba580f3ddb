import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Detection } from '@/features/detections/types';
import { EventsPage } from './EventsPage';

const GATE = '6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function detection(n: number, overrides: Partial<Detection> = {}): Detection {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    cameraId: GATE,
    class: 'person',
    confidence: 0.87,
    bbox: [0.1, 0.2, 0.3, 0.4],
    trackId: n,
    snapshotUrl: `/media/snapshots/${n}.jpg`,
    detectedAt: new Date(Date.UTC(2024, 4, 1, 12, 0, 60 - n)).toISOString(),
    ...overrides,
  };
}

/** Answers the page's API calls; `pages` by cursor (null for the first). */
function stubApi(pages: Record<string, { items: Detection[]; nextCursor: string | null }>) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/cameras') return json(200, [{ id: GATE, name: 'Gate', status: 'online' }]);
    if (url.pathname === '/api/detections') {
      return json(200, pages[url.searchParams.get('cursor') ?? 'first'] ?? { items: [], nextCursor: null });
    }
    const id = url.pathname.split('/').at(-1);
    const found = Object.values(pages).flatMap((page) => page.items).find((item) => item.id === id);
    return found ? json(200, found) : json(404, { error: { code: 'DETECTION.NOT_FOUND', message: 'No such detection' } });
  });
  vi.stubGlobal('fetch', fetch);
  const detectionCalls = () =>
    fetch.mock.calls
      .map(([input]) => new URL(String(input), 'http://localhost'))
      .filter((url) => url.pathname === '/api/detections');
  return { fetch, detectionCalls };
}

function renderEvents(path = '/events') {
  const router = createMemoryRouter([{ path: '/events', element: <EventsPage /> }], { initialEntries: [path] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

describe('EventsPage', () => {
  it('lists detections with class, confidence, camera name and snapshot, using the filters in the URL', async () => {
    const api = stubApi({
      first: { items: [detection(1), detection(2, { class: 'car', confidence: 0.5, snapshotUrl: null })], nextCursor: null },
    });
    renderEvents(`/events?class=person&minConfidence=0.6&cameraId=${GATE}`);

    const rows = await screen.findAllByTestId('detection-row');
    expect(rows.map((row) => row.dataset.class)).toEqual(['person', 'car']);
    expect(within(rows[0]!).getByText('Person')).toBeTruthy();
    expect(within(rows[0]!).getByText('87%')).toBeTruthy();
    expect(within(rows[0]!).getByText('Gate')).toBeTruthy();
    expect(rows[0]!.querySelector('img')?.getAttribute('src')).toBe('/media/snapshots/1.jpg');
    expect(within(rows[1]!).getByText('No image')).toBeTruthy();

    const [query] = api.detectionCalls();
    expect(Object.fromEntries(query!.searchParams)).toEqual({
      cameraId: GATE,
      class: 'person',
      minConfidence: '0.6',
      limit: '50',
    });
    // The filter bar shows what the URL holds.
    expect(screen.getByLabelText<HTMLSelectElement>('Class').value).toBe('person');
    expect(screen.getByLabelText<HTMLInputElement>('Min. confidence (%)').value).toBe('60');
  });

  it('loads the next page with the cursor and appends it', async () => {
    const api = stubApi({
      first: { items: [detection(1)], nextCursor: 'page-2' },
      'page-2': { items: [detection(2, { class: 'dog' })], nextCursor: null },
    });
    renderEvents();

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('End of the list.')).toBeTruthy();
    expect(screen.getAllByTestId('detection-row').map((row) => row.dataset.class)).toEqual(['person', 'dog']);
    expect(api.detectionCalls()[1]!.searchParams.get('cursor')).toBe('page-2');
  });

  it('applies the filter bar to the URL', async () => {
    stubApi({ first: { items: [detection(1)], nextCursor: null } });
    const router = renderEvents();
    await screen.findAllByTestId('detection-row');

    fireEvent.change(screen.getByLabelText('Class'), { target: { value: 'truck' } });
    fireEvent.change(screen.getByLabelText('Min. confidence (%)'), { target: { value: '75' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('class')).toBe('truck');
    expect(params.get('minConfidence')).toBe('0.75');
  });

  it('refuses an end before the start, next to the field', async () => {
    stubApi({ first: { items: [detection(1)], nextCursor: null } });
    const router = renderEvents();
    await screen.findAllByTestId('detection-row');

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2024-05-02T10:00' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2024-05-01T10:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(screen.getByText('Must be later than “From”.')).toBeTruthy();
    expect(screen.getByLabelText('To').getAttribute('aria-invalid')).toBe('true');
    expect(router.state.location.search).toBe('');
  });

  it('opens a detection in a dialog kept in the URL, and Escape closes it', async () => {
    stubApi({ first: { items: [detection(1)], nextCursor: null } });
    const router = renderEvents();
    const [row] = await screen.findAllByTestId('detection-row');

    fireEvent.click(within(row!).getByRole('button', { name: /^Details/ }));

    const dialog = await screen.findByRole('dialog', { name: 'Person · 87%' });
    expect(new URLSearchParams(router.state.location.search).get('detection')).toBe(detection(1).id);
    expect(within(dialog).getByRole('img', { name: /Snapshot from Gate/ }).getAttribute('src')).toBe(
      '/media/snapshots/1.jpg',
    );
    expect(within(dialog).getByText('#1')).toBeTruthy();

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.search).toBe('');
  });

  it('explains a link to a detection that no longer exists', async () => {
    stubApi({ first: { items: [], nextCursor: null } });
    renderEvents('/events?detection=00000000-0000-4000-8000-000000000099');

    expect((await screen.findByRole('alert')).textContent).toMatch(/no longer exists/);
  });

  it('offers to clear filters when nothing matches', async () => {
    stubApi({ first: { items: [], nextCursor: null } });
    const router = renderEvents('/events?class=horse');

    expect(await screen.findByText('No detections match these filters')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' }).at(-1)!);
    expect(router.state.location.search).toBe('');
  });

  it('shows the API error when the list cannot be loaded', async () => {
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) =>
      String(input).startsWith('/api/cameras')
        ? json(200, [])
        : json(400, { error: { code: 'VALIDATION.FAILED', message: 'The request is invalid' } }),
    );
    renderEvents();

    expect((await screen.findByRole('alert')).textContent).toBe('Could not load the detections: The request is invalid');
  });
});
