import { useId } from 'react';
import type { EventsPanelFilter, PanelCamera } from '../types';

export interface EventFiltersProps {
  cameras: readonly PanelCamera[];
  classes: readonly string[];
  value: EventsPanelFilter;
  onChange: (filter: EventsPanelFilter) => void;
}

const SELECT =
  'w-full rounded-md border border-slate-700 bg-slate-900 px-2 py-1.5 text-sm text-slate-200 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-400';

export function EventFilters({ cameras, classes, value, onChange }: EventFiltersProps) {
  const id = useId();
  return (
    <div className="flex flex-wrap gap-2 border-b border-slate-800 px-3 py-2">
      <div className="min-w-32 flex-1">
        <label htmlFor={`${id}-camera`} className="mb-1 block text-xs font-medium text-slate-400">
          Camera
        </label>
        <select
          id={`${id}-camera`}
          className={SELECT}
          value={value.cameraId ?? ''}
          onChange={(event) => onChange({ ...value, cameraId: event.target.value || null })}
        >
          <option value="">All cameras</option>
          {cameras.map((camera) => (
            <option key={camera.id} value={camera.id}>
              {camera.name}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-28 flex-1">
        <label htmlFor={`${id}-class`} className="mb-1 block text-xs font-medium text-slate-400">
          Class
        </label>
        <select
          id={`${id}-class`}
          className={SELECT}
          value={value.class ?? ''}
          onChange={(event) => onChange({ ...value, class: event.target.value || null })}
        >
          <option value="">All classes</option>
          {classes.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
