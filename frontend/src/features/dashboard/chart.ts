/**
 * Pure arithmetic of the detections chart: which hours, which series, how they stack, where
 * the axis ticks go, and the sentence that tells a screen reader what the chart shows.
 */

export const HOUR_MS = 3_600_000;
export const OTHER_KEY = 'other';

export interface HourlyCount {
  /** Start of the hour, ISO 8601. */
  hour: string;
  class: string;
  count: number;
}

export interface Series {
  /** The class, or OTHER_KEY for the classes folded together. */
  key: string;
  label: string;
  total: number;
  /** One count per hour, in the order of the hours given. */
  values: number[];
}

export interface Segment {
  key: string;
  value: number;
  /** Bottom and top of the segment, in counts. */
  y0: number;
  y1: number;
}

export interface Column {
  total: number;
  segments: Segment[];
}

/** Starts (epoch ms) of the `count` hours that end with the one `now` falls in, oldest first. */
export function hourStarts(now: number, count = 24): number[] {
  const current = Math.floor(now / HOUR_MS) * HOUR_MS;
  return Array.from({ length: count }, (_, index) => current - (count - 1 - index) * HOUR_MS);
}

/**
 * One series per class, the biggest first. Beyond `maxSeries` the smallest classes are folded
 * into one "Other" series, so colours stay tellable apart. Counts outside the hours are ignored.
 */
export function buildSeries(counts: readonly HourlyCount[], hours: readonly number[], maxSeries = 6): Series[] {
  const index = new Map(hours.map((hour, position) => [hour, position]));
  const byClass = new Map<string, number[]>();
  for (const { hour, class: name, count } of counts) {
    const position = index.get(Date.parse(hour));
    if (position === undefined || !(count > 0)) continue;
    let values = byClass.get(name);
    if (!values) {
      values = hours.map(() => 0);
      byClass.set(name, values);
    }
    values[position] = (values[position] ?? 0) + count;
  }

  const all = [...byClass].map(([name, values]) => ({ key: name, label: name, total: sum(values), values }));
  all.sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  if (all.length <= maxSeries) return all;

  const kept = all.slice(0, Math.max(0, maxSeries - 1));
  const folded = all.slice(kept.length);
  const values = hours.map((_, position) => sum(folded.map((series) => series.values[position] ?? 0)));
  return [...kept, { key: OTHER_KEY, label: 'other', total: sum(values), values }];
}

/** Stacks the series hour by hour, the first series at the bottom. */
export function stackSeries(series: readonly Series[], hourCount: number): Column[] {
  return Array.from({ length: hourCount }, (_, position) => {
    let top = 0;
    const segments: Segment[] = [];
    for (const { key, values } of series) {
      const value = values[position] ?? 0;
      if (value === 0) continue;
      segments.push({ key, value, y0: top, y1: top + value });
      top += value;
    }
    return { total: top, segments };
  });
}

/**
 * Whole-number ticks from 0 that cover `max` in about `target` steps of 1, 2 or 5 × 10^n.
 * The last tick is the axis' top.
 */
export function niceTicks(max: number, target = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 5, 10].map((factor) => factor * magnitude).find((s) => s >= rough) ?? rough));
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
}

/** Maps 0..domainMax to a pixel offset of 0..range (for a y axis, subtract from the bottom). */
export function linearScale(domainMax: number, range: number): (value: number) => number {
  if (!(domainMax > 0)) return () => 0;
  return (value) => (value / domainMax) * range;
}

export interface Bands {
  /** Left edge of band `index`. */
  x: (index: number) => number;
  bandwidth: number;
}

/** `count` equal bands across `width`; `padding` is the share of each step left empty. */
export function bandScale(count: number, width: number, padding = 0.2): Bands {
  const step = count > 0 ? width / count : width;
  const bandwidth = step * (1 - padding);
  return { x: (index) => index * step + (step - bandwidth) / 2, bandwidth };
}

/** Indices that get an axis label: every `every`-th counting back from the last, which is always labelled. */
export function labelledIndices(count: number, every: number): number[] {
  const indices: number[] = [];
  for (let index = count - 1; index >= 0; index -= Math.max(1, every)) indices.unshift(index);
  return indices;
}

/** What the chart shows, in one or two sentences. */
export function summarize(
  series: readonly Series[],
  hours: readonly number[],
  formatHour: (start: number) => string,
): string {
  const columns = stackSeries(series, hours.length);
  const total = sum(columns.map((column) => column.total));
  if (total === 0) return 'No detections in the last 24 hours.';
  const parts = series.map((entry) => `${entry.label} ${entry.total}`).join(', ');
  let busiest = 0;
  columns.forEach((column, index) => {
    if (column.total > (columns[busiest]?.total ?? 0)) busiest = index;
  });
  const peak = columns[busiest]?.total ?? 0;
  return (
    `${total} detection${total === 1 ? '' : 's'} in the last 24 hours: ${parts}. ` +
    `Busiest hour: ${formatHour(hours[busiest]!)} with ${peak}.`
  );
}

const CLASS_COLORS: Record<string, string> = {
  person: '#38bdf8',
  car: '#f59e0b',
  truck: '#f97316',
  bus: '#eab308',
  bicycle: '#34d399',
  motorcycle: '#a3e635',
  dog: '#c084fc',
  cat: '#f472b6',
  [OTHER_KEY]: '#64748b',
};
const FALLBACK_COLORS = ['#2dd4bf', '#818cf8', '#fb7185', '#facc15', '#4ade80', '#e879f9'];

/** A class keeps its colour across refreshes; unknown classes take the first free fallback. */
export function seriesColors(keys: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  const used = new Set<string>();
  for (const key of keys) {
    const known = CLASS_COLORS[key];
    if (known) {
      colors.set(key, known);
      used.add(known);
    }
  }
  const free = FALLBACK_COLORS.filter((color) => !used.has(color));
  let next = 0;
  for (const key of keys) {
    if (colors.has(key)) continue;
    colors.set(key, free[next % free.length] ?? '#94a3b8');
    next += 1;
  }
  return colors;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
