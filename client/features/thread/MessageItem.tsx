import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '#shared/schemas/message';
import { isWhisper } from '#shared/schemas/monitor';
import { ChannelIcon } from '#client/components/ChannelIcon';
import { Icon } from '#client/components/Icon';
import { useFormat } from '#client/i18n/format';
import { Attachments } from './Attachments';
import { DeliveryStatus } from './DeliveryStatus';
import { SentimentCorrect } from './SentimentCorrect';
import { describeSystem, type SystemLookup } from './systemText';

/** One entry of the timeline: a customer message, a reply, an internal note or a system event. */
export const MessageItem = memo(function MessageItem({
  message: m,
  customerName,
  names,
  myId,
}: {
  message: Message;
  customerName: string;
  names: SystemLookup;
  myId: number;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const time = (
    <time dateTime={new Date(m.sortTs).toISOString()} title={f.dateTime(m.sortTs)}>
      {f.time(m.sortTs)}
    </time>
  );
  if (m.direction === 'system') {
    return (
      <div className="msg system">
        <Icon name="info" size={13} /> <span>{describeSystem(m, t, f, names)}</span> · {time}
      </div>
    );
  }
  const agentName =
    m.authorAgentId === null
      ? null
      : m.authorAgentId === myId
        ? t('thread.you')
        : (names.agentName(m.authorAgentId) ?? t('thread.formerAgent'));
  const author = m.direction === 'inbound' ? customerName : (agentName ?? t('thread.automatic'));
  if (m.direction === 'note') {
    // A supervisor's whisper is a note too; the agent it was left for sees it highlighted.
    const whisper = isWhisper(m);
    const forMe = whisper && m.meta?.forAgentId === myId;
    return (
      <div
        className={`msg note${whisper ? ' whisper' : ''}${forMe ? ' for-me' : ''}`}
        role="note"
        aria-label={whisper ? t('monitor.whisperFrom', { name: author }) : t('thread.noteBy', { name: author })}
      >
        <div className="msg-meta">
          <span className="note-tag">
            <Icon name={whisper ? 'eye' : 'lock'} size={12} /> {whisper ? t('monitor.whisper') : t('thread.note')}
          </span>
          <strong>{author}</strong>
          {forMe && <span className="whisper-for-me">{t('monitor.forYou')}</span>}
          {time}
          <span className="note-hint">{t('thread.noteHint')}</span>
        </div>
        <div className="msg-body" dir="auto">
          {m.text}
        </div>
        <Attachments items={m.attachments} />
      </div>
    );
  }
  return (
    <div className={`msg ${m.direction}${m.isAuto ? ' auto' : ''}`}>
      <div className="msg-meta">
        {m.channel && <ChannelIcon channel={m.channel} />}
        <strong>{author}</strong>
        {time}
        {m.direction === 'inbound' && <SentimentCorrect messageId={m.id} sentiment={m.sentiment} />}
        {m.isAuto && <span className="auto-tag">{t('thread.auto')}</span>}
        {m.meta?.closingCourtesy === true && (
          <span className="auto-tag" title={t('thread.keptResolvedHint')}>
            {t('thread.keptResolved')}
          </span>
        )}
      </div>
      {m.subject && (
        <div className="subject" dir="auto">
          {m.subject}
        </div>
      )}
      <div
        className="msg-body"
        dir="auto"
        lang={m.sentiment?.language && m.sentiment.language !== 'und' ? m.sentiment.language : undefined}
      >
        {m.text}
      </div>
      <Attachments
        items={m.attachments}
        proxyBase={m.direction === 'inbound' ? `/api/messages/${m.id}/attachments` : undefined}
      />
      {m.direction === 'outbound' && (
        <div className="msg-foot">
          {m.waitedMs !== null && (
            <span className="waited">{t('thread.waited', { time: f.duration(m.waitedMs) })}</span>
          )}
          {m.deliveryStatus && <DeliveryStatus messageId={m.id} status={m.deliveryStatus} error={m.deliveryError} />}
        </div>
      )}
    </div>
  );
});
