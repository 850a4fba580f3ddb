import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { useDeleteCamera } from '../hooks/use-cameras';
import type { Camera } from '../types';
import { Dialog } from './Dialog';

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
    <Dialog title={`Delete camera “${camera.name}”?`} description="Its stream stops and it leaves every mosaic. Stored detections are kept." onClose={onClose}>
      <div className="space-y-4">
        {deleteCamera.error && <ErrorAlert>{deleteCamera.error.message}</ErrorAlert>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} autoFocus>
            Cancel
          </Button>
          <Button className="bg-rose-600 hover:bg-rose-500 disabled:bg-rose-900" onClick={handleDelete} disabled={deleteCamera.isPending}>
            {deleteCamera.isPending ? 'Deleting…' : 'Delete camera'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
