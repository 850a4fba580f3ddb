import type { ReactNode } from 'react';

export interface SectionHeaderProps {
  /** The heading's id, for the section's aria-labelledby. */
  id: string;
  title: string;
  description?: ReactNode;
  /** The section's main action (a button), at the end of the row. */
  action?: ReactNode;
}

/** The heading row of a section within a page. */
export function SectionHeader({ id, title, description, action }: SectionHeaderProps) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div>
        <h2 id={id} className="text-base font-semibold text-slate-100">
          {title}
        </h2>
        {description && <p className="text-sm text-slate-400">{description}</p>}
      </div>
      {action && <div className="ml-auto">{action}</div>}
    </div>
  );
}
