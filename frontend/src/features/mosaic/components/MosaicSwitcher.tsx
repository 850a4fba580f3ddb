import { useId, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { PlusIcon } from '@/components/ui/icons';
import { authSelectors, useAuthStore } from '@/features/auth/store';
import { useCreateMosaic, useDeleteMosaic, useRenameMosaic } from '../hooks/use-mosaics';
import { DEFAULT_LAYOUT } from '../layout';
import { canPerform } from '../permissions';
import { mosaicSelectors, useMosaicStore } from '../store';
import type { Mosaic } from '../types';
import { MosaicNameDialog } from './MosaicNameDialog';

type OpenDialog = 'create' | 'rename' | 'delete' | null;

export interface MosaicSwitcherProps {
  mosaics: readonly Mosaic[];
}

/** Chooses the mosaic on screen, and creates, renames or deletes mosaics as the role allows. */
export function MosaicSwitcher({ mosaics }: MosaicSwitcherProps) {
  const selectId = useId();
  const role = useAuthStore(authSelectors.role);
  const currentId = useMosaicStore(mosaicSelectors.mosaicId);
  const selectMosaic = useMosaicStore((s) => s.selectMosaic);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const current = mosaics.find((m) => m.id === currentId) ?? null;

  const create = useCreateMosaic();
  const rename = useRenameMosaic();
  const remove = useDeleteMosaic();

  const close = () => {
    setDialog(null);
    create.reset();
    rename.reset();
    remove.reset();
  };

  const handleCreate = (name: string) =>
    create.mutate({ name, layout: DEFAULT_LAYOUT, tiles: [] }, { onSuccess: close });
  const handleRename = (name: string) => {
    if (current) rename.mutate({ id: current.id, name }, { onSuccess: close });
  };
  const handleDelete = () => {
    if (current) remove.mutate(current.id, { onSuccess: close });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {mosaics.length > 0 && (
        <>
          <label htmlFor={selectId} className="sr-only">
            Mosaic
          </label>
          <select
            id={selectId}
            value={currentId ?? ''}
            onChange={(event) => {
              const next = mosaics.find((m) => m.id === event.target.value);
              if (next) selectMosaic(next);
            }}
            className="max-w-48 rounded-md border border-slate-700 bg-slate-900 py-1.5 pr-8 pl-2.5 text-sm text-slate-100 focus:border-sky-500 focus:outline-2 focus:outline-sky-500/40"
          >
            {mosaics.map((mosaic) => (
              <option key={mosaic.id} value={mosaic.id}>
                {mosaic.name}
              </option>
            ))}
          </select>
        </>
      )}
      {canPerform(role, 'create') && (
        <Button variant="secondary" className="px-2.5 py-1.5" onClick={() => setDialog('create')}>
          <PlusIcon className="size-4" />
          New mosaic
        </Button>
      )}
      {current && canPerform(role, 'rename') && (
        <Button variant="ghost" className="px-2.5 py-1.5" onClick={() => setDialog('rename')}>
          Rename
        </Button>
      )}
      {current && canPerform(role, 'delete') && (
        <Button variant="ghost" className="px-2.5 py-1.5" onClick={() => setDialog('delete')}>
          Delete
        </Button>
      )}

      {dialog === 'create' && (
        <MosaicNameDialog
          mode="create"
          pending={create.isPending}
          error={create.error}
          onSubmit={handleCreate}
          onClose={close}
        />
      )}
      {dialog === 'rename' && (
        <MosaicNameDialog
          mode="rename"
          initialName={current?.name}
          pending={rename.isPending}
          error={rename.error}
          onSubmit={handleRename}
          onClose={close}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title="Delete mosaic?"
          confirmLabel="Delete mosaic"
          pendingLabel="Deleting…"
          destructive
          pending={remove.isPending}
          error={remove.error?.message}
          onConfirm={handleDelete}
          onCancel={close}
        >
          <p>“{current?.name ?? ''}” and its camera arrangement will be deleted. The cameras themselves stay.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
