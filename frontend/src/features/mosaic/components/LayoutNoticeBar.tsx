import { mosaicSelectors, useMosaicStore } from '../store';

/** After a smaller layout pushed cameras out: says how many, and offers Undo. */
export function LayoutNoticeBar() {
  const notice = useMosaicStore(mosaicSelectors.layoutNotice);
  const undoLayout = useMosaicStore((s) => s.undoLayout);
  const dismiss = useMosaicStore((s) => s.dismissLayoutNotice);

  return (
    <div aria-live="polite">
      {notice && (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-amber-500/40 bg-amber-950/40 px-3 py-1.5 text-sm text-amber-100">
          <span>
            {notice.dropped === 1 ? '1 camera did' : `${notice.dropped} cameras did`} not fit the smaller layout and
            {notice.dropped === 1 ? ' was' : ' were'} taken out.
          </span>
          <button
            type="button"
            onClick={undoLayout}
            className="rounded px-2 py-0.5 font-medium text-amber-200 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-amber-300"
          >
            Undo
          </button>
          <button
            type="button"
            onClick={dismiss}
            className="rounded px-2 py-0.5 text-amber-200/80 hover:text-amber-100 focus-visible:outline-2 focus-visible:outline-amber-300"
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
