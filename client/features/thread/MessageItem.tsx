import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../shared/schemas/agent';
import type { Customer } from '../../../shared/schemas/customer';
import type { Message } from '../../../shared/schemas/message';
import { formatDuration } from '../../../shared/metrics/formatDuration';
import { ChannelIcon } from '../../components/ChannelIcon';
import { useRetryDelivery } from '../../api/threads';

/** One entry of the timeline: a customer message, a reply, a note or a system event. */
export function MessageItem({ message: m, customer, agents, locale }: { message: Message; previous?: Message; customer: Customer; agents: Agent[]; locale: string }) {
  const { t } = useTranslation();
  const retry = useRetryDelivery();
  const time = new Date(m.sortTs).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  if (m.direction === 'system') {
    return (
      <li className="msg system">
        <span>{m.text}</span> <time dateTime={new Date(m.sortTs).toISOString()}>{time}</time>
      </li>
    );
  }
  const author = m.direction === 'inbound' ? customer.name : (agents.find((a) => a.id === m.authorAgentId)?.name ?? 'Braid');
  return (
    <li className={`msg ${m.direction}`}>
      <div className="msg-meta">
        {m.channel && <ChannelIcon channel={m.channel} />}
        <strong>{author}</strong>
        {m.direction === 'note' && <span className="note-tag">{t('thread.note')}</span>}
        <time dateTime={new Date(m.sortTs).toISOString()}>{time}</time>
      </div>
      {m.subject && <div className="subject">{m.subject}</div>}
      <div className="msg-body" lang={m.sentiment?.language ?? undefined}>
        {m.text}
      </div>
      {m.direction === 'outbound' && (
        <div className="msg-foot">
          {m.waitedMs !== null && <span className="muted">{t('thread.waited', { time: formatDuration(m.waitedMs, locale) })}</span>}
          {m.deliveryStatus && (
            <span className={`delivery delivery-${m.deliveryStatus}`}>
              {m.deliveryStatus === 'failed' ? t('delivery.failed', { reason: m.deliveryError ?? '' }) : t(`delivery.${m.deliveryStatus}`)}
            </span>
          )}
          {m.deliveryStatus === 'failed' && (
            <button type="button" className="link" onClick={() => retry.mutate(m.id)} disabled={retry.isPending}>
              {t('thread.retry')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
