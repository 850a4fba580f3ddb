import { EmptyState } from '@/components/ui/EmptyState';
import { GridIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageTitle } from '@/components/ui/PageTitle';

export function LivePage() {
  return (
    <>
      <PageTitle title="Live" />
      <PageHeader title="Live" description="Watch your cameras in a mosaic." />
      <EmptyState title="The live mosaic comes next" icon={<GridIcon />}>
        This is where camera tiles will play, with AI detections drawn on each stream.
      </EmptyState>
    </>
  );
}
