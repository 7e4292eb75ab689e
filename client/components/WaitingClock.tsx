import { formatDuration, waitingMs } from '../../shared/metrics/formatDuration';
import { useNow } from './useNow';

/** Live "how long has the customer waited" clock; amber after 15 min, red after 1 h. */
export function WaitingClock({ since, locale }: { since: number | null; locale: string }) {
  const now = useNow();
  if (since === null) return null;
  const ms = waitingMs(since, now);
  const level = ms >= 3_600_000 ? 'late' : ms >= 900_000 ? 'warn' : 'ok';
  return (
    <time className={`waiting waiting-${level}`} dateTime={new Date(since).toISOString()} title={new Date(since).toLocaleString(locale)}>
      {formatDuration(ms, locale)}
    </time>
  );
}
