import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/ui/Dialog';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { TextField } from '@/components/ui/TextField';
import { ApiError } from '@/lib/api-client';

export interface MosaicNameDialogProps {
  mode: 'create' | 'rename';
  initialName?: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (name: string) => void;
  onClose: () => void;
}

const MAX_NAME = 100;

function nameError(error: Error | null): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'MOSAIC.NAME_TAKEN') return 'You already have a mosaic with this name.';
  return error.fieldErrors().name;
}

/** Asks for a mosaic's name, to create one or to rename the one on screen. */
export function MosaicNameDialog({ mode, initialName = '', pending, error, onSubmit, onClose }: MosaicNameDialogProps) {
  const [name, setName] = useState(initialName);
  const [touched, setTouched] = useState(false);
  const trimmed = name.trim();
  const localError = touched && trimmed === '' ? 'Enter a name.' : undefined;
  const fieldError = localError ?? nameError(error);
  const otherError = error && !nameError(error) ? error.message : null;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (trimmed === '' || pending) return;
    onSubmit(trimmed);
  };

  return (
    <Dialog title={mode === 'create' ? 'New mosaic' : 'Rename mosaic'} size="sm" onClose={onClose} closeOnBackdropClick={false}>
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        <TextField
          label="Name"
          value={name}
          maxLength={MAX_NAME}
          autoComplete="off"
          error={fieldError}
          onChange={(event) => setName(event.target.value)}
        />
        {otherError && <ErrorAlert>{otherError}</ErrorAlert>}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {mode === 'create' ? (pending ? 'Creating…' : 'Create') : pending ? 'Saving…' : 'Rename'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
