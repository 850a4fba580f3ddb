import type { ReactNode } from 'react';

/** Announced by screen readers as soon as it appears. */
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <div
      role="alert"
      className="rounded-md border border-rose-500/40 bg-rose-950/50 px-3 py-2 text-sm text-rose-200"
    >
      {children}
    </div>
  );
}
