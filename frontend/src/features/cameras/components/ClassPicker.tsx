import { useId, useState } from 'react';
import { SearchField } from '@/components/ui/SearchField';
import { COCO_CLASSES, COMMON_CLASSES, OTHER_CLASSES } from '@/lib/coco-classes';

export interface ClassPickerProps {
  value: string[];
  onChange: (classes: string[]) => void;
  disabled?: boolean;
  error?: string;
}

/** Keeps the model's order, so toggling a class off and on again changes nothing. */
function toggled(selected: readonly string[], name: string, on: boolean): string[] {
  const next = new Set(selected);
  if (on) next.add(name);
  else next.delete(name);
  return COCO_CLASSES.filter((known) => next.has(known));
}

function ClassToggle({ name, checked, disabled, onToggle }: { name: string; checked: boolean; disabled?: boolean; onToggle: (on: boolean) => void }) {
  return (
    <label className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-700 bg-slate-950 px-2.5 py-1.5 text-sm text-slate-200 has-checked:border-sky-500 has-checked:bg-sky-950/60 has-disabled:cursor-not-allowed has-disabled:opacity-60 has-focus-visible:outline-2 has-focus-visible:outline-sky-400">
      <input type="checkbox" className="size-3.5 accent-sky-500" checked={checked} disabled={disabled} onChange={(event) => onToggle(event.target.checked)} />
      {name}
    </label>
  );
}

export function ClassPicker({ value, onChange, disabled, error }: ClassPickerProps) {
  const [query, setQuery] = useState('');
  const errorId = useId();
  const selected = new Set(value);
  const needle = query.trim().toLowerCase();
  const others = needle === '' ? OTHER_CLASSES : OTHER_CLASSES.filter((name) => name.includes(needle));
  const otherSelected = OTHER_CLASSES.filter((name) => selected.has(name)).length;

  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined} disabled={disabled}>
      <legend className="text-sm font-medium text-slate-300">Detect these classes</legend>
      <div className="flex flex-wrap gap-2">
        {COMMON_CLASSES.map((name) => (
          <ClassToggle key={name} name={name} checked={selected.has(name)} disabled={disabled} onToggle={(on) => onChange(toggled(value, name, on))} />
        ))}
      </div>
      <details className="group rounded-md border border-slate-800 bg-slate-950/40">
        <summary className="cursor-pointer select-none px-3 py-2 text-sm text-slate-300 hover:text-white">
          More classes{otherSelected > 0 ? ` (${otherSelected} selected)` : ''}
        </summary>
        <div className="space-y-2 border-t border-slate-800 p-3">
          <SearchField label="Search classes" value={query} onChange={setQuery} />
          <div className="flex max-h-48 flex-wrap gap-2 overflow-y-auto">
            {others.map((name) => (
              <ClassToggle key={name} name={name} checked={selected.has(name)} disabled={disabled} onToggle={(on) => onChange(toggled(value, name, on))} />
            ))}
            {others.length === 0 && <p className="text-sm text-slate-500">No class matches “{query}”.</p>}
          </div>
        </div>
      </details>
      {value.length === 0 && !error && <p className="text-sm text-amber-300">No class selected: this camera will record no detection.</p>}
      {error && <p id={errorId} className="text-sm text-rose-400">{error}</p>}
    </fieldset>
  );
}
