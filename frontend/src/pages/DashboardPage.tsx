import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { LoadError } from '@/components/ui/LoadError';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageTitle } from '@/components/ui/PageTitle';
import { Spinner } from '@/components/ui/Spinner';
import { CameraStatusCards } from '@/features/dashboard/components/CameraStatusCards';
import { DashboardPanel } from '@/features/dashboard/components/DashboardPanel';
import { DetectionsChart } from '@/features/dashboard/components/DetectionsChart';
import { TopCamerasList } from '@/features/dashboard/components/TopCamerasList';
import { DASHBOARD_REFRESH_MS, useDashboardStats } from '@/features/dashboard/hooks/use-dashboard-stats';

const updatedFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function DashboardPage() {
  const stats = useDashboardStats();

  return (
    <>
      <PageTitle title="Dashboard" />
      <PageHeader
        title="Dashboard"
        description={`Cameras and detections at a glance; updates every ${DASHBOARD_REFRESH_MS / 1000} seconds.`}
      />
      {stats.isPending ? (
        <Spinner label="Loading the dashboard…" />
      ) : stats.isError && !stats.data ? (
        <LoadError onRetry={() => void stats.refetch()}>
          Could not load the dashboard: {stats.error.message}
        </LoadError>
      ) : (
        <div className="space-y-6">
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-500">
            <p>
              Updated at{' '}
              <time dateTime={stats.data.generatedAt}>{updatedFormat.format(new Date(stats.data.generatedAt))}</time>
            </p>
            <Button
              variant="secondary"
              className="ml-auto"
              onClick={() => void stats.refetch()}
              disabled={stats.isFetching}
            >
              {stats.isFetching ? 'Refreshing…' : 'Refresh'}
            </Button>
          </div>
          {stats.isError && (
            <ErrorAlert>Could not refresh ({stats.error.message}); these figures may be out of date.</ErrorAlert>
          )}
          <DashboardPanel title="Cameras">
            <CameraStatusCards cameras={stats.data.cameras} />
          </DashboardPanel>
          <div className="grid gap-6 lg:grid-cols-3">
            <DashboardPanel title="Detections per hour" className="lg:col-span-2" boxed>
              <DetectionsChart counts={stats.data.detectionsPerHour} generatedAt={stats.data.generatedAt} />
            </DashboardPanel>
            <DashboardPanel title="Busiest cameras, last 24 hours" boxed>
              <TopCamerasList cameras={stats.data.topCameras} />
            </DashboardPanel>
          </div>
        </div>
      )}
    </>
  );
}
