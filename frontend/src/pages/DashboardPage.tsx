import { EmptyState } from '@/components/ui/EmptyState';
import { ChartIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageTitle } from '@/components/ui/PageTitle';

export function DashboardPage() {
  return (
    <>
      <PageTitle title="Dashboard" />
      <PageHeader title="Dashboard" description="Cameras, streams and detections at a glance." />
      <EmptyState title="The dashboard is on its way" icon={<ChartIcon />}>
        Camera health and detection statistics will appear here.
      </EmptyState>
    </>
  );
}
