import { useTranslation } from 'react-i18next';
import type { ThreadSummary } from '../../../shared/schemas/thread';
import { ChannelIcon } from '../../components/ChannelIcon';
import { WaitingClock } from '../../components/WaitingClock';
import { navigate } from '../../router';

/** One conversation in the list: who, where, what they said last, how long they wait. */
export function ThreadRow({ thread, selected, locale }: { thread: ThreadSummary; selected: boolean; locale: string }) {
  const { t } = useTranslation();
  const unread = thread.unreadCount ?? 0;
  return (
    <li className={`thread-row${selected ? ' selected' : ''}${unread > 0 ? ' unread' : ''}`}>
      <a
        href={`/t/${thread.id}`}
        aria-current={selected ? 'true' : undefined}
        onClick={(e) => {
          e.preventDefault();
          navigate(`/t/${thread.id}`);
        }}
      >
        <span className="row-top">
          <span className="customer-name">{thread.customer.name}</span>
          <WaitingClock since={thread.waitingSince} locale={locale} />
        </span>
        <span className="row-mid">
          <span className="channels">
            {thread.channels.map((c) => (
              <ChannelIcon key={c} channel={c} />
            ))}
          </span>
          <span className="preview">{thread.lastMessagePreview}</span>
          {unread > 0 && (
            <span className="badge" aria-label={t('list.unread', { count: unread })}>
              {unread}
            </span>
          )}
        </span>
      </a>
    </li>
  );
}
