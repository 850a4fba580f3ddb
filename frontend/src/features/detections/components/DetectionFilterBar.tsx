import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { SelectField } from '@/components/ui/SelectField';
import { TextField } from '@/components/ui/TextField';
import { COMMON_CLASSES, OTHER_CLASSES } from '@/lib/coco-classes';
import {
  draftFromFilters,
  filtersFromDraft,
  hasFilters,
  QUICK_RANGES,
  quickRangeDraft,
  type FilterDraft,
  type QuickRange,
  type FilterDraftErrors,
} from '../filters';
import { formatClass } from '../format';
import type { CameraOption, DetectionFilters } from '../types';

const OTHER_CLASSES_BY_NAME = [...OTHER_CLASSES].sort();

export interface DetectionFilterBarProps {
  /** The applied filters; remount (key) the bar when they change from outside. */
  filters: DetectionFilters;
  cameras: CameraOption[];
  onApply: (filters: DetectionFilters) => void;
}

export function DetectionFilterBar({ filters, cameras, onApply }: DetectionFilterBarProps) {
  const [draft, setDraft] = useState<FilterDraft>(() => draftFromFilters(filters));
  const [errors, setErrors] = useState<FilterDraftErrors>({});
  const quickRangesLabelId = useId();
  const sortedCameras = [...cameras].sort((a, b) => a.name.localeCompare(b.name));
  const unknownCamera = draft.cameraId !== '' && !cameras.some((camera) => camera.id === draft.cameraId);

  function update(changes: Partial<FilterDraft>) {
    setDraft((current) => ({ ...current, ...changes }));
  }

  function apply(next: FilterDraft) {
    const result = filtersFromDraft(next);
    setErrors(result.errors);
    if (Object.keys(result.errors).length === 0) onApply(result.filters);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply(draft);
  }

  function handleQuickRange(range: QuickRange) {
    const next = { ...draft, ...quickRangeDraft(range, Date.now()) };
    setDraft(next);
    apply(next);
  }

  function handleClear() {
    setErrors({});
    setDraft(draftFromFilters({}));
    onApply({});
  }

  return (
    <form
      role="search"
      aria-label="Filter detections"
      noValidate
      onSubmit={handleSubmit}
      className="mb-6 rounded-lg border border-slate-800 bg-slate-900/60 p-4"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
        <SelectField
          label="Camera"
          value={draft.cameraId}
          onChange={(event) => update({ cameraId: event.target.value })}
        >
          <option value="">All cameras</option>
          {unknownCamera && <option value={draft.cameraId}>Unknown camera</option>}
          {sortedCameras.map((camera) => (
            <option key={camera.id} value={camera.id}>
              {camera.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Class" value={draft.class} onChange={(event) => update({ class: event.target.value })}>
          <option value="">All classes</option>
          <optgroup label="Common">
            {COMMON_CLASSES.map((name) => (
              <option key={name} value={name}>
                {formatClass(name)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Other">
            {OTHER_CLASSES_BY_NAME.map((name) => (
              <option key={name} value={name}>
                {formatClass(name)}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <TextField
          label="From"
          type="datetime-local"
          value={draft.from}
          error={errors.from}
          onChange={(event) => update({ from: event.target.value })}
        />
        <TextField
          label="To"
          type="datetime-local"
          value={draft.to}
          error={errors.to}
          onChange={(event) => update({ to: event.target.value })}
        />
        <TextField
          label="Min. confidence (%)"
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step={5}
          placeholder="Any"
          value={draft.minConfidencePercent}
          error={errors.minConfidencePercent}
          onChange={(event) => update({ minConfidencePercent: event.target.value })}
        />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-400" id={quickRangesLabelId}>
          Show:
        </span>
        <div role="group" aria-labelledby={quickRangesLabelId} className="flex flex-wrap gap-2">
          {QUICK_RANGES.map((range) => (
            <Button
              key={range.label}
              variant="secondary"
              className="px-2.5! py-1! text-xs!"
              onClick={() => handleQuickRange(range)}
            >
              {range.label}
            </Button>
          ))}
        </div>
        <div className="ml-auto flex gap-2">
          <Button
            variant="ghost"
            className="disabled:opacity-50"
            onClick={handleClear}
            disabled={!hasFilters(filters) && !hasDraft(draft)}
          >
            Clear filters
          </Button>
          <Button type="submit">Apply filters</Button>
        </div>
      </div>
    </form>
  );
}

function hasDraft(draft: FilterDraft): boolean {
  return Object.values(draft).some((value) => value !== '');
}
