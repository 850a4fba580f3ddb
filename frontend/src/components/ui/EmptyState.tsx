import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  icon?: ReactNode;
}

export function EmptyState({ title, children, icon }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center justify-center rounded-lg border border-dashed border-slate-800 bg-slate-900/40 px-6 py-16 text-center">
      {icon && (
        <div aria-hidden="true" className="mb-4 text-slate-600">
          {icon}
        </div>
      )}
      <h2 className="text-base font-semibold text-slate-200">{title}</h2>
      {children && <div className="mt-2 max-w-md text-sm text-slate-400">{children}</div>}
    </div>
  );
}
