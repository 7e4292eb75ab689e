import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import type { ThreadSummary } from '#shared/schemas/thread';
import { Avatar } from '#client/components/Avatar';
import { ChannelIcon } from '#client/components/ChannelIcon';
import { IdentityHint } from '#client/components/IdentityHint';
import { SentimentMark } from '#client/components/SentimentMark';
import { SlaBadge } from '#client/components/SlaBadge';
import { WaitingClock } from '#client/components/WaitingClock';
import { AppLink } from '#client/components/AppLink';

/** Height of one row in px (fixed, so the virtual list needs no measuring). */
export const ROW_HEIGHT = 62;

/** One conversation in the list: who, where, what they said last, how long and how upset they are. */
export const ThreadRow = memo(function ThreadRow({
  thread,
  selected,
  assignee,
  myId,
}: {
  thread: ThreadSummary;
  selected: boolean;
  assignee: Agent | undefined;
  myId: number;
}) {
  const { t } = useTranslation();
  const unread = thread.unreadCount ?? 0;
  const urgent = thread.priority === 'urgent' || thread.priority === 'high';
  return (
    <AppLink
      className={`thread-row${selected ? ' selected' : ''}${unread > 0 ? ' unread' : ''}`}
      to={`/t/${thread.id}`}
      aria-current={selected ? 'true' : undefined}
      data-thread-id={thread.id}
    >
      <span className="row-top">
        {urgent && (
          <span
            className={`prio prio-${thread.priority}`}
            title={t(`priority.${thread.priority}`)}
            aria-label={t(`priority.${thread.priority}`)}
            role="img"
          />
        )}
        <span className="row-who">
          <span className="customer-name" dir="auto">
            {thread.customer.name}
          </span>
          <IdentityHint hint={thread.customer.hint} />
        </span>
        <SlaBadge sla={thread.status === 'resolved' ? null : thread.sla} compact />
        <WaitingClock
          since={thread.waitingSince}
          label={thread.waitingSince !== null ? t('list.waitingLabel') : undefined}
        />
      </span>
      <span className="row-mid">
        <span className="channels">
          {thread.channels.map((c) => (
            <ChannelIcon key={c} channel={c} />
          ))}
        </span>
        <span className="preview" dir="auto">
          {thread.lastMessagePreview}
        </span>
        <SentimentMark sentiment={thread.sentiment} />
        {unread > 0 && (
          <span className="badge" aria-label={t('list.unread', { count: unread })}>
            {unread}
          </span>
        )}
        {assignee ? (
          <Avatar
            name={assignee.name}
            size={18}
            label={t('list.assignedTo', { name: assignee.id === myId ? t('thread.you') : assignee.name })}
          />
        ) : (
          thread.status !== 'resolved' && (
            <span
              className="unassigned-dot"
              role="img"
              aria-label={t('list.unassigned')}
              title={t('list.unassigned')}
            />
          )
        )}
      </span>
    </AppLink>
  );
});
