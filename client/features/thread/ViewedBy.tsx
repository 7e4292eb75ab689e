import { useTranslation } from 'react-i18next';
import type { MonitorView } from '#shared/schemas/monitor';
import { useFormat } from '#client/i18n/format';

/** "Viewed by Lena (monitor) at 10:42, …": who opened this thread in monitor mode (leads and up see it). */
export function ViewedBy({ views }: { views: MonitorView[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (views.length === 0) return null;
  const list = views
    .map((v) => t('monitor.viewedEntry', { name: v.agentName ?? t('monitor.someone'), time: f.time(v.at) }))
    .join(', ');
  return (
    <p className="viewed-by small muted" title={views.map((v) => f.dateTime(v.at)).join(', ')}>
      {t('monitor.viewedBy', { list })}
    </p>
  );
}
