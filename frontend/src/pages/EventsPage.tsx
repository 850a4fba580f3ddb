import { useCallback, useMemo } from 'react';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { BellIcon } from '@/components/ui/icons';
import { LoadError } from '@/components/ui/LoadError';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageTitle } from '@/components/ui/PageTitle';
import { Spinner } from '@/components/ui/Spinner';
import { DetectionDetailDialog } from '@/features/detections/components/DetectionDetailDialog';
import { DetectionFilterBar } from '@/features/detections/components/DetectionFilterBar';
import { DetectionTable } from '@/features/detections/components/DetectionTable';
import { hasFilters, withFilters } from '@/features/detections/filters';
import { useCameraOptions } from '@/features/detections/hooks/use-camera-options';
import { useDetectionSearchParams } from '@/features/detections/hooks/use-detection-search-params';
import { useDetections } from '@/features/detections/hooks/use-detections';

export function EventsPage() {
  const { filters, selectedId, applyFilters, openDetection, closeDetection } = useDetectionSearchParams();
  const { cameras, names } = useCameraOptions();
  const detections = useDetections(filters);
  const items = useMemo(() => detections.data?.pages.flatMap((page) => page.items) ?? [], [detections.data]);
  const cameraName = useCallback((id: string) => names.get(id) ?? `Camera ${id.slice(0, 8)}`, [names]);
  const filtered = hasFilters(filters);

  function handleShowCamera(cameraId: string) {
    applyFilters({ ...filters, cameraId });
  }

  return (
    <>
      <PageTitle title="Events" />
      <PageHeader title="Events" description="Objects the AI detected on your cameras, newest first." />
      <DetectionFilterBar
        // A new URL (Back, a shared link, Clear) resets what the bar shows.
        key={withFilters(new URLSearchParams(), filters).toString()}
        filters={filters}
        cameras={cameras}
        onApply={applyFilters}
      />

      <section aria-labelledby="events-results-heading">
        <div className="mb-3 flex flex-wrap items-center gap-3">
          <h2 id="events-results-heading" className="text-sm font-medium text-slate-300">
            Results
          </h2>
          <p aria-live="polite" className="text-sm text-slate-500">
            {detections.isSuccess &&
              `${items.length} detection${items.length === 1 ? '' : 's'} shown${detections.hasNextPage ? ', more available' : ''}`}
          </p>
          <Button
            variant="secondary"
            className="ml-auto"
            onClick={() => void detections.refetch()}
            disabled={detections.isFetching}
          >
            {detections.isFetching && !detections.isFetchingNextPage && !detections.isPending ? 'Refreshing…' : 'Refresh'}
          </Button>
        </div>

        {detections.isPending ? (
          <Spinner label="Loading detections…" />
        ) : detections.isError && items.length === 0 ? (
          <LoadError onRetry={() => void detections.refetch()}>
            Could not load the detections: {detections.error.message}
          </LoadError>
        ) : items.length === 0 ? (
          <EmptyState title={filtered ? 'No detections match these filters' : 'No detections yet'} icon={<BellIcon />}>
            {filtered ? (
              <Button variant="secondary" className="mt-2" onClick={() => applyFilters({})}>
                Clear filters
              </Button>
            ) : (
              'Detections appear here once cameras with AI detection enabled see people, vehicles or animals.'
            )}
          </EmptyState>
        ) : (
          <>
            <DetectionTable detections={items} cameraName={cameraName} onOpen={openDetection} />
            <div className="mt-4 flex flex-col items-center gap-3">
              {detections.isFetchNextPageError && (
                <ErrorAlert>Could not load more detections: {detections.error?.message}</ErrorAlert>
              )}
              {detections.hasNextPage ? (
                <Button
                  variant="secondary"
                  onClick={() => void detections.fetchNextPage()}
                  disabled={detections.isFetchingNextPage}
                >
                  {detections.isFetchingNextPage ? 'Loading…' : 'Load more'}
                </Button>
              ) : (
                <p className="text-sm text-slate-500">End of the list.</p>
              )}
            </div>
          </>
        )}
      </section>

      {selectedId && (
        <DetectionDetailDialog
          id={selectedId}
          cameraName={cameraName}
          onClose={closeDetection}
          onShowCamera={handleShowCamera}
        />
      )}
    </>
  );
}
