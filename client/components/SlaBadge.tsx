import { useTranslation } from 'react-i18next';
import type { ThreadSla } from '#shared/schemas/thread';
import { useFormat } from '#client/i18n/format';
import { useNow } from './useNow';

const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
] as const;

/** A duration in words of the locale, two largest units ("1 hr 4 min", "1 godz. 4 min", "1 ชม. 4 นาที"). */
export function durationInWords(ms: number, locale: string): string {
  let rest = Math.max(60_000, Math.abs(ms));
  const counts = UNITS.map(([unit, size]) => {
    const n = Math.floor(rest / size);
    rest -= n * size;
    return [unit, n] as const;
  });
  const first = counts.findIndex(([, n]) => n > 0);
  return counts
    .slice(first, first + 2)
    .filter(([, n], i) => i === 0 || n > 0)
    .map(([unit, n]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n))
    .join(' ');
}

/**
 * SLA badge in words: which target is running and when it is due ("First reply due in 12 min",
 * "Resolution overdue by 1 hr 4 min"). Nothing without a running target (no policy, or a thread
 * that waits for nobody), so resolved rows show no badge.
 */
export function SlaBadge({ sla, compact = false }: { sla: ThreadSla | null; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const now = useNow();
  if (!sla || sla.dueAt === null || sla.kind === null) return null;
  const kind = t(`sla.kind.${sla.kind}`);
  const left = sla.dueAt - now;
  const time = durationInWords(left, i18n.language || 'en');
  const text =
    left >= 0 && sla.state !== 'breached' ? t('slaWords.dueIn', { kind, time }) : t('slaWords.overdue', { kind, time });
  const title = [text, sla.policyName, t('sla.due', { time: f.dateTime(sla.dueAt) })].join(' · ');
  return (
    <span className={`sla sla-${sla.state}${compact ? ' sla-compact' : ''}`} title={title}>
      <span className="sr-only">{t('sla.label')}: </span>
      {text}
    </span>
  );
}
