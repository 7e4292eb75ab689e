import { waitingMs } from '#shared/metrics/formatDuration';
import { useFormat } from '#client/i18n/format';
import { useNow } from './useNow';

/** Live "how long has the customer waited" clock; amber after 15 min, red after 1 h. */
export function WaitingClock({ since, label }: { since: number | null; label?: string }) {
  const now = useNow();
  const f = useFormat();
  if (since === null) return null;
  const ms = waitingMs(since, now);
  const level = ms >= 3_600_000 ? 'late' : ms >= 900_000 ? 'warn' : 'ok';
  return (
    <time
      className={`waiting waiting-${level}`}
      dateTime={new Date(since).toISOString()}
      title={f.dateTime(since)}
      aria-label={label}
    >
      {f.duration(ms)}
    </time>
  );
}
