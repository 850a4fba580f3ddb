import { EmptyState } from '@/components/ui/EmptyState';
import { CameraIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageTitle } from '@/components/ui/PageTitle';

export function AdminCamerasPage() {
  return (
    <>
      <PageTitle title="Cameras" />
      <PageHeader title="Cameras" description="Add cameras, set their streams and AI detection." />
      <EmptyState title="Camera management is on its way" icon={<CameraIcon />}>
        Creating, editing and removing cameras arrives in a later version.
      </EmptyState>
    </>
  );
}
