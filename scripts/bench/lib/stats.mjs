// Summaries of samples and plain-text tables.

/** Nearest-rank percentile (p in 0..100) of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function mean(values) {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** {n, median, p90, min, max, mean} of numbers (nulls when there are none). */
export function summary(values) {
  if (values.length === 0) return { n: 0, median: null, p90: null, min: null, max: null, mean: null };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { n: values.length, median, p90: percentile(sorted, 90), min: sorted[0], max: sorted.at(-1), mean: mean(sorted) };
}

export const round = (value, digits = 0) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

/** Formats rows (arrays of cells) under headers with aligned columns; numbers are right-aligned. */
export function table(headers, rows) {
  const text = (cell) => (cell === null || cell === undefined ? '-' : String(cell));
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => text(row[column]).length)));
  const line = (cells, isHeader = false) =>
    cells
      .map((cell, column) => {
        const value = text(cell);
        return !isHeader && typeof cell === 'number' ? value.padStart(widths[column]) : value.padEnd(widths[column]);
      })
      .join('  ')
      .trimEnd();
  return [line(headers, true), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map((row) => line(row))].join('\n');
}
