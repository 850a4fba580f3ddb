import { buildDashboardStats, CameraSummary, last24Hours } from './dashboard-stats';

const camera = (id: string, name: string, status: CameraSummary['status'] = 'online'): CameraSummary => ({ id, name, status });

describe('last24Hours', () => {
  it('covers the current UTC hour and the 23 before it', () => {
    expect(last24Hours(new Date('2024-05-01T13:45:10.500Z'))).toEqual({
      from: new Date('2024-04-30T14:00:00.000Z'),
      to: new Date('2024-05-01T14:00:00.000Z'),
    });
  });

  it('starts a new window exactly on the hour', () => {
    expect(last24Hours(new Date('2024-05-01T14:00:00.000Z')).from).toEqual(new Date('2024-04-30T15:00:00.000Z'));
  });
});

describe('buildDashboardStats', () => {
  const now = new Date('2024-05-01T13:45:00.000Z');

  it('counts cameras by status, listing every status', () => {
    const stats = buildDashboardStats({
      cameras: [camera('a', 'A', 'online'), camera('b', 'B', 'online'), camera('c', 'C', 'error')],
      hourly: [],
      perCamera: [],
      now,
    });
    expect(stats.cameras).toEqual({ total: 3, byStatus: { provisioning: 0, online: 2, offline: 0, error: 1 } });
    expect(stats.generatedAt).toBe('2024-05-01T13:45:00.000Z');
  });

  it('gives hours as ISO strings', () => {
    const stats = buildDashboardStats({
      cameras: [],
      hourly: [{ hour: new Date('2024-05-01T12:00:00Z'), class: 'car', count: 3 }],
      perCamera: [],
      now,
    });
    expect(stats.detectionsPerHour).toEqual([{ hour: '2024-05-01T12:00:00.000Z', class: 'car', count: 3 }]);
  });

  it('keeps the five busiest existing cameras, ties by name then id', () => {
    const cameras = [
      camera('c1', 'Gate'), camera('c2', 'Yard'), camera('c3', 'Lobby'), camera('c4', 'Dock'), camera('c5', 'Roof'),
      camera('c6', 'Hall'), camera('c7', 'Lobby'),
    ];
    const stats = buildDashboardStats({
      cameras,
      hourly: [],
      perCamera: [
        { cameraId: 'c1', count: 5 }, { cameraId: 'c2', count: 9 }, { cameraId: 'c3', count: 5 }, { cameraId: 'c4', count: 1 },
        { cameraId: 'c5', count: 7 }, { cameraId: 'c7', count: 5 }, { cameraId: 'deleted', count: 100 },
      ],
      now,
    });
    expect(stats.topCameras).toEqual([
      { cameraId: 'c2', name: 'Yard', count: 9 },
      { cameraId: 'c5', name: 'Roof', count: 7 },
      { cameraId: 'c1', name: 'Gate', count: 5 },
      { cameraId: 'c3', name: 'Lobby', count: 5 },
      { cameraId: 'c7', name: 'Lobby', count: 5 },
    ]);
  });
});
