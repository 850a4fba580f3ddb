import { useId, useMemo } from 'react';
import {
  bandScale,
  buildSeries,
  hourStarts,
  labelledIndices,
  linearScale,
  niceTicks,
  OTHER_KEY,
  seriesColors,
  stackSeries,
  summarize,
  type HourlyCount,
} from '../chart';

const WIDTH = 720;
const HEIGHT = 260;
// Room on the right for the last hour's label, on the left for the ticks and the axis title.
const MARGIN = { top: 12, right: 30, bottom: 28, left: 54 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
const BOTTOM = MARGIN.top + PLOT_HEIGHT;
const AXIS_TEXT = { fill: '#94a3b8', fontSize: 11 } as const;

const hourFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const formatHour = (start: number) => hourFormat.format(start);
const seriesLabel = (label: string) => (label === OTHER_KEY ? 'Other' : label.charAt(0).toUpperCase() + label.slice(1));

export interface DetectionsChartProps {
  counts: readonly HourlyCount[];
  /** When the counts were computed: the last bar is that hour. */
  generatedAt: string;
}

/** Detections per hour over the last 24 hours, stacked by class; a data table for those who want numbers. */
export function DetectionsChart({ counts, generatedAt }: DetectionsChartProps) {
  const titleId = useId();
  const descriptionId = useId();
  const hours = useMemo(() => hourStarts(Date.parse(generatedAt)), [generatedAt]);
  const series = useMemo(() => buildSeries(counts, hours), [counts, hours]);
  const columns = stackSeries(series, hours.length);
  const ticks = niceTicks(Math.max(0, ...columns.map((column) => column.total)));
  const y = linearScale(ticks.at(-1) ?? 1, PLOT_HEIGHT);
  const bands = bandScale(hours.length, PLOT_WIDTH, 0.25);
  const colors = seriesColors(series.map((entry) => entry.key));
  const summary = summarize(series, hours, formatHour);
  const empty = series.length === 0;

  return (
    <div className="space-y-3">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="h-auto w-full"
      >
        <title id={titleId}>Detections per hour by class, last 24 hours</title>
        <desc id={descriptionId}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={BOTTOM - y(tick)}
              y2={BOTTOM - y(tick)}
              stroke={tick === 0 ? '#475569' : '#1e293b'}
            />
            <text x={MARGIN.left - 6} y={BOTTOM - y(tick)} dy="0.32em" textAnchor="end" {...AXIS_TEXT}>
              {tick}
            </text>
          </g>
        ))}
        {columns.map((column, index) => (
          <g key={hours[index]}>
            {column.segments.map((segment) => (
              <rect
                key={segment.key}
                x={MARGIN.left + bands.x(index)}
                y={BOTTOM - y(segment.y1)}
                width={bands.bandwidth}
                height={y(segment.value)}
                fill={colors.get(segment.key)}
              >
                <title>{`${formatHour(hours[index]!)} · ${seriesLabel(segment.key)}: ${segment.value}`}</title>
              </rect>
            ))}
          </g>
        ))}
        {labelledIndices(hours.length, 3).map((index) => (
          <text
            key={index}
            x={MARGIN.left + bands.x(index) + bands.bandwidth / 2}
            y={HEIGHT - 8}
            textAnchor="middle"
            {...AXIS_TEXT}
          >
            {formatHour(hours[index]!)}
          </text>
        ))}
        <text
          transform={`translate(12 ${MARGIN.top + PLOT_HEIGHT / 2}) rotate(-90)`}
          textAnchor="middle"
          {...AXIS_TEXT}
        >
          Detections
        </text>
        {empty && (
          <text x={MARGIN.left + PLOT_WIDTH / 2} y={MARGIN.top + PLOT_HEIGHT / 2} textAnchor="middle" fill="#64748b" fontSize={14}>
            No detections in the last 24 hours
          </text>
        )}
      </svg>

      {!empty && (
        <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-300">
          {series.map((entry) => (
            <li key={entry.key} className="inline-flex items-center gap-2">
              <span aria-hidden="true" className="size-3 rounded-sm" style={{ backgroundColor: colors.get(entry.key) }} />
              {seriesLabel(entry.label)}
              <span className="tabular-nums text-slate-500">{entry.total}</span>
            </li>
          ))}
        </ul>
      )}

      {!empty && (
        <details className="text-sm">
          <summary className="cursor-pointer rounded-md text-sky-400 hover:text-sky-300 focus-visible:outline-2 focus-visible:outline-sky-400">
            Show the numbers as a table
          </summary>
          <div className="mt-2 max-h-80 overflow-auto rounded-md border border-slate-800">
            <table className="w-full text-right tabular-nums">
              <caption className="sr-only">Detections per hour by class, last 24 hours</caption>
              <thead className="sticky top-0 bg-slate-900">
                <tr>
                  <th scope="col" className="px-3 py-1.5 text-left font-medium text-slate-400">
                    Hour
                  </th>
                  {series.map((entry) => (
                    <th key={entry.key} scope="col" className="px-3 py-1.5 font-medium text-slate-400">
                      {seriesLabel(entry.label)}
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-1.5 font-medium text-slate-400">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-800/70">
                {hours.map((hour, index) => (
                  <tr key={hour}>
                    <th scope="row" className="px-3 py-1 text-left font-normal text-slate-300">
                      {formatHour(hour)}
                    </th>
                    {series.map((entry) => (
                      <td key={entry.key} className="px-3 py-1 text-slate-300">
                        {entry.values[index]}
                      </td>
                    ))}
                    <td className="px-3 py-1 text-slate-100">{columns[index]?.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}
