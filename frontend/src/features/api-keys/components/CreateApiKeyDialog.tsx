import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/ui/Dialog';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { TextField } from '@/components/ui/TextField';
import { ApiError } from '@/lib/api-client';
import { useCreateApiKey } from '../hooks/use-api-keys';
import { CopyButton } from './CopyButton';

export interface CreateApiKeyDialogProps {
  onClose: () => void;
}

/** Names a new key, then shows its secret once, with a copy button. */
export function CreateApiKeyDialog({ onClose }: CreateApiKeyDialogProps) {
  const createKey = useCreateApiKey();
  const [name, setName] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);

  function handleClose() {
    // Forget the secret: the mutation would otherwise keep it in memory for a while.
    createKey.reset();
    onClose();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createKey.isPending) return;
    createKey.mutate(name.trim(), { onError: () => nameRef.current?.focus() });
  }

  if (createKey.data) {
    return <SecretStep keyName={createKey.data.name} secret={createKey.data.key} onDone={handleClose} />;
  }

  const nameError =
    createKey.error instanceof ApiError ? createKey.error.fieldErrors().name : undefined;
  return (
    <Dialog
      title="Create an API key"
      description="Integrators send the key in the X-API-Key header. It acts with the integrator role."
      onClose={handleClose}
    >
      <form noValidate onSubmit={handleSubmit} className="space-y-4">
        {createKey.error && !nameError && <ErrorAlert>{createKey.error.message}</ErrorAlert>}
        <TextField
          ref={nameRef}
          label="Name"
          placeholder="e.g. Access control sync"
          autoComplete="off"
          maxLength={100}
          value={name}
          error={nameError}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={handleClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={createKey.isPending}>
            {createKey.isPending ? 'Creating…' : 'Create key'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function SecretStep({ keyName, secret, onDone }: { keyName: string; secret: string; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  return (
    <Dialog
      title={`API key “${keyName}” created`}
      onClose={onDone}
      // A stray click must not throw away the only copy of the key.
      closeOnBackdropClick={false}
      footer={<Button onClick={onDone}>I have stored the key</Button>}
    >
      <div className="space-y-4">
        <div
          role="alert"
          className="rounded-md border border-amber-500/40 bg-amber-950/50 px-3 py-2 text-sm text-amber-100"
        >
          <strong className="font-semibold">Copy this key now.</strong> It will not be shown again: only a hash of
          it is stored. If it is lost, revoke it and create a new one.
        </div>
        <div className="space-y-1.5">
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-300">
            API key
          </label>
          <input
              ref={inputRef}
              id={inputId}
              readOnly
              value={secret}
              onFocus={(event) => event.target.select()}
              className="block w-full rounded-md border border-slate-700 bg-slate-950 px-3 py-2 font-mono text-sm text-slate-100 focus:border-sky-500 focus:outline-2 focus:outline-sky-500/40"
            />
          <CopyButton text={secret} label="Copy the API key" fallbackRef={inputRef} />
        </div>
      </div>
    </Dialog>
  );
}
