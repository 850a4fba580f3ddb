import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { useDeleteCamera } from '../hooks/use-cameras';
import type { Camera } from '../types';

export interface DeleteCameraDialogProps {
  camera: Camera;
  onClose: () => void;
}

export function DeleteCameraDialog({ camera, onClose }: DeleteCameraDialogProps) {
  const deleteCamera = useDeleteCamera();

  function handleDelete() {
    deleteCamera.mutate(camera.id, { onSuccess: onClose });
  }

  return (
    <ConfirmDialog
      title={`Delete camera “${camera.name}”?`}
      description="Its stream stops and it leaves every mosaic. Stored detections are kept."
      confirmLabel="Delete camera"
      pendingLabel="Deleting…"
      destructive
      pending={deleteCamera.isPending}
      error={deleteCamera.error?.message}
      onConfirm={handleDelete}
      onCancel={onClose}
    />
  );
}
