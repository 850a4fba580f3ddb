import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { DETAIL_PARAM, parseFilters, withFilters } from '../filters';
import type { DetectionFilters } from '../types';

/** The events page's state lives in the URL, so a view can be shared, bookmarked and reloaded. */
export function useDetectionSearchParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);
  const selectedId = searchParams.get(DETAIL_PARAM);

  const applyFilters = useCallback(
    (next: DetectionFilters) => setSearchParams((current) => withFilters(current, next)),
    [setSearchParams],
  );

  // Opening adds a history entry, so Back closes the dialog.
  const openDetection = useCallback(
    (id: string) =>
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        next.set(DETAIL_PARAM, id);
        return next;
      }),
    [setSearchParams],
  );

  const closeDetection = useCallback(
    () =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete(DETAIL_PARAM);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  return { filters, selectedId, applyFilters, openDetection, closeDetection };
}
