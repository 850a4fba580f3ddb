import type { ReactNode } from 'react';

/** A centred panel for states that replace the whole app (session restore, fatal errors). */
export function FullScreenMessage({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-950 p-6">
      <div className="w-full max-w-sm space-y-4 rounded-lg border border-slate-800 bg-slate-900 p-6">
        {children}
      </div>
    </main>
  );
}
