import type { ReactNode } from 'react';

export interface DashboardPanelProps {
  title: string;
  children: ReactNode;
  className?: string;
  /** Draws a card around the panel. */
  boxed?: boolean;
}

/** A titled region of the dashboard; landmarks let screen reader users jump between them. */
export function DashboardPanel({ title, children, className = '', boxed = false }: DashboardPanelProps) {
  const box = boxed ? 'rounded-lg border border-slate-800 bg-slate-900/60 p-4' : '';
  return (
    <section aria-label={title} className={`${box} ${className}`}>
      <h2 className="mb-3 text-sm font-medium text-slate-300">{title}</h2>
      {children}
    </section>
  );
}
