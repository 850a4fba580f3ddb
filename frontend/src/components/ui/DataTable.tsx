import type { ReactNode } from 'react';

export interface DataTableColumn {
  label: string;
  /** Read by screen readers only, for a column whose cells speak for themselves (row actions). */
  srOnly?: boolean;
  align?: 'left' | 'right';
}

export interface DataTableProps {
  /** Read by screen readers: what the rows are. */
  caption: string;
  columns: readonly (string | DataTableColumn)[];
  /** Classes of the <table>: its min width, past which the table scrolls sideways. */
  className?: string;
  /** The rows. */
  children: ReactNode;
}

const HEADER = 'px-3 py-2 text-xs font-medium uppercase tracking-wide text-slate-400';

/** The frame, caption and header row of a list shown as a table; the caller renders the rows. */
export function DataTable({ caption, columns, className = '', children }: DataTableProps) {
  // relative: the sr-only header text is positioned inside the scroller, not past the page edge.
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-800">
      <table className={`w-full border-collapse text-sm ${className}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-900">
          <tr>
            {columns.map((column) => {
              const { label, srOnly = false, align = 'left' } = typeof column === 'string' ? { label: column } : column;
              return (
                <th key={label} scope="col" className={`${HEADER} ${align === 'right' ? 'text-right' : 'text-left'}`}>
                  {srOnly ? <span className="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}
