import { isCocoClass } from '@/lib/coco-classes';
import type { DetectionFilters } from './types';

/** Search params of the events page that hold filters. */
export const FILTER_PARAMS = ['cameraId', 'class', 'from', 'to', 'minConfidence'] as const;
/** Search param of the detection shown in the detail dialog. */
export const DETAIL_PARAM = 'detection';

export const PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ZONED = /(?:Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The filters a URL holds. Values the API would refuse (a malformed id, an unknown class, a
 * time without a zone) are dropped, so an edited or stale link still shows a list.
 */
export function parseFilters(params: URLSearchParams): DetectionFilters {
  const filters: DetectionFilters = {};
  const cameraId = params.get('cameraId');
  if (cameraId && UUID.test(cameraId)) filters.cameraId = cameraId.toLowerCase();
  const detectionClass = params.get('class');
  if (detectionClass && isCocoClass(detectionClass)) filters.class = detectionClass;
  const from = parseInstant(params.get('from'));
  if (from) filters.from = from;
  const to = parseInstant(params.get('to'));
  if (to) filters.to = to;
  const minConfidence = parseConfidence(params.get('minConfidence'));
  if (minConfidence !== undefined) filters.minConfidence = minConfidence;
  return filters;
}

/** `params` with its filters replaced by `filters`; other params stay, the open detail closes. */
export function withFilters(params: URLSearchParams, filters: DetectionFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of FILTER_PARAMS) next.delete(key);
  next.delete(DETAIL_PARAM);
  if (filters.cameraId) next.set('cameraId', filters.cameraId);
  if (filters.class) next.set('class', filters.class);
  if (filters.from) next.set('from', filters.from);
  if (filters.to) next.set('to', filters.to);
  if (filters.minConfidence !== undefined) next.set('minConfidence', String(filters.minConfidence));
  return next;
}

export function hasFilters(filters: DetectionFilters): boolean {
  return FILTER_PARAMS.some((key) => filters[key] !== undefined);
}

/** The query string of `GET /api/detections` for one page. */
export function detectionsSearch(filters: DetectionFilters, cursor: string | null, limit = PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (filters.cameraId) params.set('cameraId', filters.cameraId);
  if (filters.class) params.set('class', filters.class);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.minConfidence !== undefined) params.set('minConfidence', String(filters.minConfidence));
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return `?${params.toString()}`;
}

/** An ISO instant as the value of an `<input type="datetime-local">`, in the browser's time zone. */
export function toDateTimeLocal(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of an `<input type="datetime-local">` (local time) as an ISO instant; undefined when invalid. */
export function fromDateTimeLocal(value: string): string | undefined {
  const match = DATE_TIME_LOCAL.exec(value);
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  // new Date rolls 02-30 over to 03-02: only a real calendar day passes.
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return undefined;
  return date.toISOString();
}

/** What the filter bar edits: the inputs' own text, checked only when applied. */
export interface FilterDraft {
  cameraId: string;
  class: string;
  /** datetime-local values */
  from: string;
  to: string;
  /** 0..100, as typed */
  minConfidencePercent: string;
}

export type FilterDraftErrors = Partial<Record<keyof FilterDraft, string>>;

export function draftFromFilters(filters: DetectionFilters): FilterDraft {
  return {
    cameraId: filters.cameraId ?? '',
    class: filters.class ?? '',
    from: toDateTimeLocal(filters.from),
    to: toDateTimeLocal(filters.to),
    minConfidencePercent:
      filters.minConfidence === undefined ? '' : String(Math.round(filters.minConfidence * 1000) / 10),
  };
}

export function filtersFromDraft(
  draft: FilterDraft,
): { filters: DetectionFilters; errors: FilterDraftErrors } {
  const filters: DetectionFilters = {};
  const errors: FilterDraftErrors = {};
  if (draft.cameraId) filters.cameraId = draft.cameraId;
  if (draft.class) filters.class = draft.class;

  if (draft.from) {
    const from = fromDateTimeLocal(draft.from);
    if (from) filters.from = from;
    else errors.from = 'Enter a valid date and time.';
  }
  if (draft.to) {
    const to = fromDateTimeLocal(draft.to);
    if (!to) errors.to = 'Enter a valid date and time.';
    else if (filters.from && to <= filters.from) errors.to = 'Must be later than “From”.';
    else filters.to = to;
  }

  const percentText = draft.minConfidencePercent.trim();
  if (percentText !== '') {
    const percent = Number(percentText);
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
      errors.minConfidencePercent = 'Enter a percentage from 0 to 100.';
    } else if (percent > 0) {
      filters.minConfidence = Math.round(percent * 10) / 1000;
    }
  }
  return { filters, errors };
}

export interface QuickRange {
  label: string;
  durationMs: number;
}

export const QUICK_RANGES: readonly QuickRange[] = [
  { label: 'Last hour', durationMs: 3_600_000 },
  { label: 'Last 24 hours', durationMs: 86_400_000 },
  { label: 'Last 7 days', durationMs: 7 * 86_400_000 },
];

/** A quick range as filter-bar values: from `durationMs` ago, with no end. */
export function quickRangeDraft(range: QuickRange, now: number): Pick<FilterDraft, 'from' | 'to'> {
  return { from: toDateTimeLocal(new Date(now - range.durationMs).toISOString()), to: '' };
}

function parseInstant(value: string | null): string | undefined {
  // Only absolute instants: a time without a zone would mean something else to whoever opens the link.
  if (!value || !ZONED.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function parseConfidence(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const confidence = Number(value);
  return Number.isFinite(confidence) && confidence > 0 && confidence <= 1 ? confidence : undefined;
}
