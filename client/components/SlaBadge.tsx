import { useTranslation } from 'react-i18next';
import type { ThreadSla } from '#shared/schemas/thread';
import { useFormat } from '#client/i18n/format';
import { useNow } from './useNow';

/**
 * SLA badge: the target that applies and how long is left (or how late it is); nothing without a
 * policy. The compact form (list rows) shows only the time; the target is in its label and tooltip.
 */
export function SlaBadge({ sla, compact = false }: { sla: ThreadSla | null; compact?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow();
  if (!sla) return null;
  const kind = sla.kind ? t(`sla.kind.${sla.kind}`) : t('sla.label');
  const left = sla.dueAt === null ? null : sla.dueAt - now;
  const text =
    left === null
      ? kind
      : left >= 0 && sla.state !== 'breached'
        ? t('sla.left', { kind, time: f.duration(left) })
        : t('sla.late', { kind, time: f.duration(Math.abs(left ?? 0)) });
  const title = [text, sla.policyName, sla.dueAt !== null ? t('sla.due', { time: f.dateTime(sla.dueAt) }) : null]
    .filter(Boolean)
    .join(' · ');
  if (compact) {
    const short =
      left === null
        ? t('sla.label')
        : `${t('sla.label')} ${left < 0 || sla.state === 'breached' ? '−' : ''}${f.duration(Math.abs(left))}`;
    return (
      <span className={`sla sla-${sla.state}`} title={title} role="img" aria-label={`${t('sla.label')}: ${text}`}>
        {short}
      </span>
    );
  }
  return (
    <span className={`sla sla-${sla.state}`} title={title}>
      <span className="sr-only">{t('sla.label')}: </span>
      {text}
    </span>
  );
}
