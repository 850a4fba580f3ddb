import { EmptyState } from '@/components/ui/EmptyState';
import { BellIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageTitle } from '@/components/ui/PageTitle';

export function EventsPage() {
  return (
    <>
      <PageTitle title="Events" />
      <PageHeader title="Events" description="Detections and camera status changes." />
      <EmptyState title="No events to show yet" icon={<BellIcon />}>
        The event list, with filters and triage, arrives in a later version.
      </EmptyState>
    </>
  );
}
