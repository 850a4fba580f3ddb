import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Dialog } from './Dialog';

export interface DeleteMosaicDialogProps {
  open: boolean;
  name: string;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}

export function DeleteMosaicDialog({ open, name, pending, error, onConfirm, onClose }: DeleteMosaicDialogProps) {
  return (
    <Dialog open={open} title="Delete mosaic?" onClose={onClose}>
      <p className="text-sm text-slate-300">
        “{name}” and its camera arrangement will be deleted. The cameras themselves stay.
      </p>
      {error && <ErrorAlert>{error.message}</ErrorAlert>}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose} autoFocus>
          Cancel
        </Button>
        <button
          type="button"
          onClick={onConfirm}
          disabled={pending}
          className="inline-flex items-center justify-center rounded-md bg-rose-600 px-3.5 py-2 text-sm font-medium text-white transition-colors hover:bg-rose-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-400 disabled:cursor-not-allowed disabled:bg-rose-900"
        >
          {pending ? 'Deleting…' : 'Delete mosaic'}
        </button>
      </div>
    </Dialog>
  );
}
