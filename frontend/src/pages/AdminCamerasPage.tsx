import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { CameraIcon } from '@/components/ui/icons';
import { LoadError } from '@/components/ui/LoadError';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageTitle } from '@/components/ui/PageTitle';
import { Spinner } from '@/components/ui/Spinner';
import { CameraFormDialog } from '@/features/cameras/components/CameraFormDialog';
import { CameraList } from '@/features/cameras/components/CameraList';
import { DeleteCameraDialog } from '@/features/cameras/components/DeleteCameraDialog';
import { useCameras } from '@/features/cameras/hooks/use-cameras';
import type { Camera } from '@/features/cameras/types';

type Open = { kind: 'create' } | { kind: 'edit'; camera: Camera } | { kind: 'delete'; camera: Camera } | null;

export function AdminCamerasPage() {
  const cameras = useCameras();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  return (
    <>
      <PageTitle title="Cameras" />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title="Cameras" description="Add cameras, set their streams and AI detection." />
        <Button onClick={() => setOpen({ kind: 'create' })}>Add camera</Button>
      </div>

      {cameras.isPending && <Spinner label="Loading cameras…" />}
      {cameras.isError && !cameras.data && (
        <LoadError onRetry={() => void cameras.refetch()}>{cameras.error.message}</LoadError>
      )}
      {cameras.data && cameras.data.length === 0 && (
        <EmptyState title="No camera yet" icon={<CameraIcon />}>
          Add the first one with its RTSP or HLS address; you can test the connection before saving.
        </EmptyState>
      )}
      {cameras.data && cameras.data.length > 0 && (
        <>
          {cameras.isError && <p className="mb-3 text-sm text-amber-300">Status may be out of date: {cameras.error.message}</p>}
          <CameraList cameras={cameras.data} onEdit={(camera) => setOpen({ kind: 'edit', camera })} onDelete={(camera) => setOpen({ kind: 'delete', camera })} />
        </>
      )}

      {open?.kind === 'create' && <CameraFormDialog onClose={close} />}
      {open?.kind === 'edit' && <CameraFormDialog key={open.camera.id} camera={open.camera} onClose={close} />}
      {open?.kind === 'delete' && <DeleteCameraDialog camera={open.camera} onClose={close} />}
    </>
  );
}
