import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import { useMonitorViews } from '#client/api/monitor';
import { AppLink } from '#client/components/AppLink';
import { ViewedBy } from './ViewedBy';

/**
 * For leads, supervisors and admins on a normal thread: who monitored it ("viewed by") and the way
 * into monitor mode. Agents see nothing (the server refuses them the list too).
 */
export function MonitorLine({ threadId, me }: { threadId: number; me: Agent }) {
  const { t } = useTranslation();
  const lead = hasRole(me.role, 'lead');
  const views = useMonitorViews(threadId, lead);
  if (!lead) return null;
  return (
    <div className="monitor-line">
      <ViewedBy views={views.data?.views ?? []} />
      <AppLink to={`/t/${threadId}?monitor=1`} className="small" title={t('monitor.openHint')}>
        {t('monitor.open')}
      </AppLink>
    </div>
  );
}
