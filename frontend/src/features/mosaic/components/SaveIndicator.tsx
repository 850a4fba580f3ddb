import { RetryIcon } from '@/components/ui/icons';
import { mosaicSelectors, useMosaicStore } from '../store';

const LABELS = {
  idle: '',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  saved: 'All changes saved',
} as const;

/** Tells whether the arrangement reached the server; changes are saved automatically. */
export function SaveIndicator() {
  const status = useMosaicStore(mosaicSelectors.saveStatus);
  const error = useMosaicStore(mosaicSelectors.saveError);
  const requestSave = useMosaicStore((s) => s.requestSave);

  return (
    <div role="status" className="flex min-h-7 items-center gap-2 text-xs" data-testid="mosaic-save-status" data-status={status}>
      {status === 'error' ? (
        <>
          <span className="text-rose-300">Could not save: {error}</span>
          <button
            type="button"
            onClick={requestSave}
            className="inline-flex items-center gap-1 rounded px-1.5 py-1 font-medium text-sky-300 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400"
          >
            <RetryIcon className="size-3.5" />
            Save again
          </button>
        </>
      ) : (
        <span className="text-slate-400">{LABELS[status]}</span>
      )}
    </div>
  );
}
