import { useTranslation } from 'react-i18next';
import type { ThreadStatus } from '#shared/schemas/common';
import type { MonitorView } from '#shared/schemas/monitor';
import { AppLink } from '#client/components/AppLink';
import { Icon } from '#client/components/Icon';
import { ViewedBy } from './ViewedBy';

/** The monitor view's header: what mode this is, whose conversation, who holds it, who watched it. */
export function MonitorHeader(p: {
  threadId: number;
  customerName: string;
  status: ThreadStatus;
  assignee: string | null;
  views: MonitorView[];
}) {
  const { t } = useTranslation();
  return (
    <header className="thread-header">
      <div className="th-main">
        <span className="badge monitor-badge">
          <Icon name="eye" size={13} /> {t('monitor.badge')}
        </span>
        <h2 id="thread-title" dir="auto">
          {p.customerName}
        </h2>
        <p className="th-facts small">
          <span className={`status status-${p.status}`}>{t(`status.${p.status}`)}</span>
          <span>{p.assignee ? t('monitor.assignedTo', { name: p.assignee }) : t('monitor.unassigned')}</span>
        </p>
        <ViewedBy views={p.views} />
      </div>
      <AppLink to={`/t/${p.threadId}`} className="monitor-leave">
        {t('monitor.leave')}
      </AppLink>
    </header>
  );
}
