import { useNow } from '../hooks/use-now';
import { formatRelativeTime } from '../panel-model';

/** "5 min ago", kept current; the exact time is in the tooltip and `dateTime`. */
export function RelativeTime({ timestamp }: { timestamp: string }) {
  const now = useNow(10_000);
  const time = Date.parse(timestamp);
  return (
    <time dateTime={timestamp} title={new Date(time).toLocaleString()} className="shrink-0 tabular-nums">
      {formatRelativeTime(time, now)}
    </time>
  );
}
