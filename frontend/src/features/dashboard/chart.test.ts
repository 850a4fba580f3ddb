import { describe, expect, it } from 'vitest';
import {
  bandScale,
  buildSeries,
  HOUR_MS,
  hourStarts,
  labelledIndices,
  linearScale,
  niceTicks,
  OTHER_KEY,
  seriesColors,
  stackSeries,
  summarize,
} from './chart';

const NOW = Date.parse('2024-05-01T13:25:00Z');
const hourIso = (hoursAgo: number) => new Date(Date.parse('2024-05-01T13:00:00Z') - hoursAgo * HOUR_MS).toISOString();

describe('hourStarts', () => {
  it('gives the current hour and the 23 before it, oldest first, on hour boundaries', () => {
    const hours = hourStarts(NOW);
    expect(hours).toHaveLength(24);
    expect(new Date(hours[23]!).toISOString()).toBe('2024-05-01T13:00:00.000Z');
    expect(new Date(hours[0]!).toISOString()).toBe('2024-04-30T14:00:00.000Z');
    expect(hours.every((hour, index) => index === 0 || hour - hours[index - 1]! === HOUR_MS)).toBe(true);
  });
});

describe('buildSeries', () => {
  const hours = hourStarts(NOW, 3);

  it('puts each class count in its hour, zeros elsewhere, biggest class first', () => {
    const series = buildSeries(
      [
        { hour: hourIso(2), class: 'car', count: 1 },
        { hour: hourIso(1), class: 'person', count: 4 },
        { hour: hourIso(0), class: 'car', count: 2 },
        { hour: hourIso(0), class: 'person', count: 3 },
      ],
      hours,
    );
    expect(series).toEqual([
      { key: 'person', label: 'person', total: 7, values: [0, 4, 3] },
      { key: 'car', label: 'car', total: 3, values: [1, 0, 2] },
    ]);
  });

  it('ignores hours outside the window and zero counts', () => {
    const series = buildSeries(
      [
        { hour: hourIso(5), class: 'dog', count: 9 },
        { hour: hourIso(0), class: 'cat', count: 0 },
      ],
      hours,
    );
    expect(series).toEqual([]);
  });

  it('folds the smallest classes into "other" beyond the series limit', () => {
    const counts = ['person', 'car', 'dog', 'cat', 'bus'].map((name, rank) => ({
      hour: hourIso(0),
      class: name,
      count: 10 - rank,
    }));
    const series = buildSeries(counts, hours, 3);
    expect(series.map((s) => [s.key, s.total])).toEqual([
      ['person', 10],
      ['car', 9],
      [OTHER_KEY, 8 + 7 + 6],
    ]);
    expect(series[2]!.values).toEqual([0, 0, 21]);
  });

  it('breaks ties by name so the order is stable between refreshes', () => {
    const series = buildSeries(
      [
        { hour: hourIso(0), class: 'truck', count: 2 },
        { hour: hourIso(0), class: 'bus', count: 2 },
      ],
      hours,
    );
    expect(series.map((s) => s.key)).toEqual(['bus', 'truck']);
  });
});

describe('stackSeries', () => {
  it('stacks each hour from the first series up, skipping empty segments', () => {
    const columns = stackSeries(
      [
        { key: 'person', label: 'person', total: 5, values: [2, 3] },
        { key: 'car', label: 'car', total: 4, values: [4, 0] },
      ],
      2,
    );
    expect(columns).toEqual([
      {
        total: 6,
        segments: [
          { key: 'person', value: 2, y0: 0, y1: 2 },
          { key: 'car', value: 4, y0: 2, y1: 6 },
        ],
      },
      { total: 3, segments: [{ key: 'person', value: 3, y0: 0, y1: 3 }] },
    ]);
  });
});

describe('niceTicks', () => {
  it.each([
    [0, [0, 1]],
    [1, [0, 1]],
    [3, [0, 1, 2, 3]],
    [7, [0, 2, 4, 6, 8]],
    [10, [0, 5, 10]],
    [120, [0, 50, 100, 150]],
    [1234, [0, 500, 1000, 1500]],
  ])('covers %d with whole, evenly spaced steps of 1, 2 or 5 × 10^n', (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });

  it('always reaches the maximum', () => {
    for (let max = 1; max < 2000; max += 37) {
      const ticks = niceTicks(max);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});

describe('scales', () => {
  it('maps counts linearly onto the height, and everything to 0 on an empty axis', () => {
    expect(linearScale(200, 100)(50)).toBe(25);
    expect(linearScale(0, 100)(5)).toBe(0);
  });

  it('spreads equal bands across the width with padding shared on both sides', () => {
    const bands = bandScale(4, 400, 0.2);
    expect(bands.bandwidth).toBe(80);
    expect([0, 1, 3].map(bands.x)).toEqual([10, 110, 310]);
  });

  it('labels every n-th index counting back from the last', () => {
    expect(labelledIndices(24, 6)).toEqual([5, 11, 17, 23]);
    expect(labelledIndices(3, 1)).toEqual([0, 1, 2]);
  });
});

describe('summarize', () => {
  const hours = hourStarts(NOW, 3);
  const label = (start: number) => new Date(start).toISOString().slice(11, 16);

  it('says the total, each series and the busiest hour', () => {
    const series = buildSeries(
      [
        { hour: hourIso(1), class: 'person', count: 4 },
        { hour: hourIso(1), class: 'car', count: 1 },
        { hour: hourIso(0), class: 'person', count: 2 },
      ],
      hours,
    );
    expect(summarize(series, hours, label)).toBe(
      '7 detections in the last 24 hours: person 6, car 1. Busiest hour: 12:00 with 5.',
    );
  });

  it('says so when there is nothing', () => {
    expect(summarize([], hours, label)).toBe('No detections in the last 24 hours.');
  });
});

describe('seriesColors', () => {
  it('keeps the known colours of common classes and gives the others distinct fallbacks', () => {
    const colors = seriesColors(['person', 'giraffe', 'zebra', OTHER_KEY]);
    expect(colors.get('person')).toBe(seriesColors(['person']).get('person'));
    expect(new Set(colors.values()).size).toBe(4);
  });
});
