import { Button } from '@/components/ui/Button';
import { liveEvents } from '@/features/live-events/live-events';
import type { LiveConnection } from '@/features/live-events/types';
import { useNow } from '../hooks/use-now';

/** Says when live updates are not flowing, and lets the user retry at once. */
export function ConnectionNotice({ connection }: { connection: LiveConnection }) {
  if (connection.state === 'open' || connection.state === 'idle' || connection.state === 'connecting') return null;
  return (
    <div
      role="status"
      data-testid="live-events-disconnected"
      className="flex flex-wrap items-center justify-between gap-2 border-b border-amber-500/30 bg-amber-950/40 px-3 py-2 text-sm text-amber-200"
    >
      {connection.state === 'signed-out' ? (
        <span>Live updates stopped: your session has ended. Sign in again to resume.</span>
      ) : (
        <>
          <span>
            Live updates interrupted. <RetryCountdown retryAt={connection.retryAt} />
          </span>
          <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => liveEvents.retryNow()}>
            Retry now
          </Button>
        </>
      )}
    </div>
  );
}

function RetryCountdown({ retryAt }: { retryAt: number | null }) {
  const now = useNow(1000);
  if (retryAt === null) return <>Reconnecting…</>;
  const seconds = Math.ceil((retryAt - now) / 1000);
  return <>{seconds > 0 ? `Reconnecting in ${seconds} s…` : 'Reconnecting…'}</>;
}

const LABELS: Record<LiveConnection['state'], string> = {
  idle: 'Connecting',
  connecting: 'Connecting',
  open: 'Live',
  reconnecting: 'Offline',
  'signed-out': 'Offline',
};

/** A compact dot and word beside the panel's title. */
export function ConnectionBadge({ connection }: { connection: LiveConnection }) {
  const color =
    connection.state === 'open' ? 'bg-emerald-400' : connection.state === 'reconnecting' || connection.state === 'signed-out' ? 'bg-amber-400' : 'bg-slate-500';
  return (
    <span data-testid="live-events-connection" data-state={connection.state} className="flex items-center gap-1.5 text-xs text-slate-400">
      <span aria-hidden="true" className={`size-2 rounded-full ${color}`} />
      {LABELS[connection.state]}
    </span>
  );
}
