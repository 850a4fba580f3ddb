import type { ReactNode } from 'react';
import { RetryIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/Spinner';
import type { TileState } from '../types';

const STATE_LABELS: Record<TileState, string> = {
  empty: 'Empty',
  connecting: 'Connecting',
  live: 'Live',
  offline: 'Offline',
  error: 'Error',
};

const PILL_STYLES: Record<TileState, string> = {
  empty: 'bg-slate-800 text-slate-300',
  connecting: 'bg-slate-800/90 text-slate-200',
  live: 'bg-rose-600/90 text-white',
  offline: 'bg-slate-700/90 text-slate-200',
  error: 'bg-rose-950/90 text-rose-200',
};

/** The camera's name and the tile's state, always on top of the picture. */
export function TileCaption({ name, state }: { name: string; state: TileState }) {
  return (
    <div className="pointer-events-none absolute inset-x-0 top-0 flex items-start justify-between gap-2 bg-gradient-to-b from-black/70 to-transparent px-2 pt-1.5 pb-4 text-xs">
      <span className="min-w-0 truncate font-medium text-white drop-shadow" title={name}>
        {name}
      </span>
      <span className={`inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-[10px] font-semibold uppercase tracking-wide ${PILL_STYLES[state]}`}>
        {state === 'live' && <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-white" />}
        {STATE_LABELS[state]}
      </span>
    </div>
  );
}

export interface TileMessageProps {
  state: TileState;
  message?: string;
  onRetry: () => void;
  /** Who is retried, for the button's accessible name. */
  name: string;
}

/** Centre of a tile that is not playing: progress, or what went wrong with a Retry. */
export function TileMessage({ state, message, onRetry, name }: TileMessageProps) {
  if (state === 'connecting') {
    return (
      <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
        <Spinner label={message ?? 'Connecting…'} />
      </div>
    );
  }
  if (state !== 'offline' && state !== 'error') return null;
  const heading = state === 'error' ? 'Stream error' : 'Camera offline';
  return (
    <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 p-2 text-center">
      <p className={`max-w-full text-xs ${state === 'error' ? 'text-rose-200' : 'text-slate-300'}`}>
        <span className="font-semibold">{heading}</span>
        {message && message !== heading && <span className="line-clamp-2 block text-slate-400">{message}</span>}
      </p>
      <button
        type="button"
        onClick={onRetry}
        aria-label={`Retry ${name}`}
        className="inline-flex items-center gap-1 rounded-md border border-slate-600 bg-slate-900/90 px-2 py-1 text-xs font-medium text-slate-100 hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-sky-400"
      >
        <RetryIcon className="size-3.5" />
        Retry
      </button>
    </div>
  );
}

export interface TileButtonProps {
  label: string;
  onClick: () => void;
  pressed?: boolean;
  children: ReactNode;
}

export function TileButton({ label, onClick, pressed, children }: TileButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      onClick={onClick}
      onDoubleClick={(event) => event.stopPropagation()}
      className="rounded bg-black/60 p-1 text-slate-200 hover:bg-slate-700 hover:text-white focus-visible:outline-2 focus-visible:outline-sky-400 aria-pressed:text-sky-300"
    >
      {children}
    </button>
  );
}
