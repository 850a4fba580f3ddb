import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveEvents } from '@/features/live-events/live-events';
import { liveEventsStore } from '@/features/live-events/store';
import type { DetectionCreated } from '@/features/live-events/types';
import { LiveEventsPanel } from './LiveEventsPanel';

const GATE = '00000000-0000-4000-8000-00000000000a';
const YARD = '00000000-0000-4000-8000-00000000000b';
const cameras = [
  { id: GATE, name: 'Gate', enabled: true, status: 'online', ai: { enabled: true } },
  { id: YARD, name: 'Yard', enabled: true, status: 'online', ai: { enabled: true } },
];

let subscribed: Map<string, number>;

function detection(cameraId: string, second: number, name: string, snapshotUrl: string | null = null): DetectionCreated {
  return {
    cameraId,
    timestamp: new Date(Date.now() - 60_000 + second * 1000).toISOString(),
    frameId: `${cameraId}:${second}`,
    detections: [{ class: name, confidence: 0.87, bbox: [0.1, 0.1, 0.2, 0.2], trackId: second, reason: 'appeared' }],
    snapshotUrl,
  };
}

function renderPanel(onOpenCamera = vi.fn()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <LiveEventsPanel onOpenCamera={onOpenCamera} />
    </QueryClientProvider>,
  );
  return onOpenCamera;
}

const rows = () => screen.queryAllByTestId('live-event');
const open = () => act(() => liveEventsStore.getState().setConnection({ state: 'open', retryAt: null, attempt: 0 }));

beforeEach(() => {
  liveEventsStore.getState().reset();
  subscribed = new Map();
  vi.spyOn(liveEvents, 'subscribeCamera').mockImplementation((cameraId: string) => {
    subscribed.set(cameraId, (subscribed.get(cameraId) ?? 0) + 1);
    return () => subscribed.set(cameraId, (subscribed.get(cameraId) ?? 0) - 1);
  });
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(cameras), { status: 200, headers: { 'Content-Type': 'application/json' } })));
});

afterEach(() => {
  liveEventsStore.getState().reset();
});

describe('LiveEventsPanel', () => {
  it('subscribes every camera the user can see and lists their detections newest first', async () => {
    renderPanel();
    await waitFor(() => expect([...subscribed.entries()]).toEqual([[GATE, 1], [YARD, 1]]));
    open();
    expect(screen.getByTestId('live-events-empty').textContent).toContain('No detections yet');

    act(() => {
      liveEventsStore.getState().receiveDetection(detection(GATE, -30, 'person', '/media/snapshots/a.jpg'));
      liveEventsStore.getState().receiveDetection(detection(YARD, 2, 'car'));
    });
    expect(rows().map((row) => [row.dataset.class, row.dataset.cameraId])).toEqual([['car', YARD], ['person', GATE]]);
    const person = rows()[1]!;
    within(person).getByText('Gate');
    within(person).getByText('87%');
    within(person).getByText('1 min ago');
    expect(person.querySelector('img')?.getAttribute('src')).toBe('/media/snapshots/a.jpg');
    expect(rows()[0]!.querySelector('img')).toBeNull();
  });

  it('opens the camera of a row on click and from the keyboard', async () => {
    const onOpenCamera = renderPanel();
    await waitFor(() => expect(subscribed.size).toBe(2));
    act(() => liveEventsStore.getState().receiveDetection(detection(YARD, 1, 'dog')));
    const row = rows()[0]!;
    fireEvent.click(row);
    expect(onOpenCamera).toHaveBeenCalledWith(YARD);
    // A native button: Enter and Space activate it, and it is in the tab order.
    expect(row.tagName).toBe('BUTTON');
    expect(row.getAttribute('tabindex')).toBeNull();
  });

  it('filters by camera and by class', async () => {
    renderPanel();
    await screen.findByRole('option', { name: 'Gate' });
    act(() => {
      liveEventsStore.getState().receiveDetection(detection(GATE, 1, 'person'));
      liveEventsStore.getState().receiveDetection(detection(YARD, 2, 'person'));
      liveEventsStore.getState().receiveDetection(detection(GATE, 3, 'car'));
    });
    fireEvent.change(screen.getByLabelText('Camera'), { target: { value: GATE } });
    expect(rows().map((row) => row.dataset.class)).toEqual(['car', 'person']);
    fireEvent.change(screen.getByLabelText('Class'), { target: { value: 'person' } });
    expect(rows().map((row) => [row.dataset.class, row.dataset.cameraId])).toEqual([['person', GATE]]);
    fireEvent.change(screen.getByLabelText('Camera'), { target: { value: '' } });
    expect(rows()).toHaveLength(2);

    fireEvent.change(screen.getByLabelText('Class'), { target: { value: 'car' } });
    fireEvent.change(screen.getByLabelText('Camera'), { target: { value: YARD } });
    expect(screen.getByTestId('live-events-empty').textContent).toContain('match these filters');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rows()).toHaveLength(3);
  });

  it('says when live updates are interrupted, and keeps what it has', async () => {
    renderPanel();
    await waitFor(() => expect(subscribed.size).toBe(2));
    act(() => liveEventsStore.getState().receiveDetection(detection(GATE, 1, 'person')));
    const retryNow = vi.spyOn(liveEvents, 'retryNow').mockImplementation(() => undefined);
    act(() => liveEventsStore.getState().setConnection({ state: 'reconnecting', retryAt: Date.now() + 4000, attempt: 2 }));
    expect(screen.getByTestId('live-events-disconnected').textContent).toMatch(/Reconnecting in [34] s/);
    expect(screen.getByTestId('live-events-connection').dataset.state).toBe('reconnecting');
    expect(rows()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(retryNow).toHaveBeenCalled();
    open();
    expect(screen.queryByTestId('live-events-disconnected')).toBeNull();
  });

  it('explains an empty camera list', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })));
    renderPanel();
    await screen.findByText(/No cameras yet/);
    expect(subscribed.size).toBe(0);
  });
});
