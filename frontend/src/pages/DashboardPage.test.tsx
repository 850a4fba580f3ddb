import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { DashboardStats } from '@/features/dashboard/types';
import { DashboardPage } from './DashboardPage';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const stats: DashboardStats = {
  cameras: { total: 6, byStatus: { online: 3, offline: 1, error: 1, provisioning: 1 } },
  detectionsPerHour: [
    { hour: '2024-05-01T11:00:00.000Z', class: 'person', count: 4 },
    { hour: '2024-05-01T12:00:00.000Z', class: 'car', count: 2 },
    { hour: '2024-05-01T12:00:00.000Z', class: 'person', count: 1 },
  ],
  topCameras: [
    { cameraId: '6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01', name: 'Gate', count: 5 },
    { cameraId: '7f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01', name: 'Lobby', count: 2 },
  ],
  generatedAt: '2024-05-01T12:34:56.000Z',
};

function renderDashboard() {
  const router = createMemoryRouter([{ path: '/dashboard', element: <DashboardPage /> }], {
    initialEntries: ['/dashboard'],
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('DashboardPage', () => {
  it('shows camera counts, a described chart with a legend, and the busiest cameras', async () => {
    vi.stubGlobal('fetch', async () => json(200, stats));
    renderDashboard();

    const cameras = await screen.findByRole('region', { name: 'Cameras' });
    expect(within(cameras).getByText('Online').nextSibling?.textContent).toBe('3');
    expect(within(cameras).getByText('Error').nextSibling?.textContent).toBe('1');

    const chart = screen.getByRole('img', { name: 'Detections per hour by class, last 24 hours' });
    const description = document.getElementById(chart.getAttribute('aria-describedby')!)?.textContent;
    expect(description).toMatch(/^7 detections in the last 24 hours: person 5, car 2\. Busiest hour: .+ with 4\.$/);
    expect(chart.querySelectorAll('rect')).toHaveLength(3);
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Person5', 'Car2']);

    const gate = screen.getByRole('link', { name: 'Gate' });
    expect(gate.getAttribute('href')).toBe('/events?cameraId=6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01');
  });

  it('says so when there were no detections', async () => {
    vi.stubGlobal('fetch', async () => json(200, { ...stats, detectionsPerHour: [], topCameras: [] }));
    renderDashboard();

    expect(await screen.findByText('No camera detected anything in the last 24 hours.')).toBeTruthy();
    expect(screen.getByRole('img').textContent).toContain('No detections in the last 24 hours');
  });

  it('shows the error with a retry when the stats cannot be loaded', async () => {
    vi.stubGlobal('fetch', async () => new Response('bad gateway', { status: 502 }));
    renderDashboard();

    expect((await screen.findByRole('alert')).textContent).toMatch(/^Could not load the dashboard/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
