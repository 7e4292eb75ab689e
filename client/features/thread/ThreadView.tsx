import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../shared/schemas/agent';
import { useAgents } from '../../api/directory';
import { useMarkRead, useMessages, useThreadAction, useThreadDetail } from '../../api/threads';
import { WaitingClock } from '../../components/WaitingClock';
import { useRealtime } from '../../realtime/RealtimeProvider';
import { Composer } from './Composer';
import { Timeline } from './Timeline';

/** One customer's whole conversation across channels, live, with the reply box. */
export function ThreadView({ threadId, me }: { threadId: number; me: Agent }) {
  const { t } = useTranslation();
  const detail = useThreadDetail(threadId);
  const msgs = useMessages(threadId);
  const agents = useAgents();
  const action = useThreadAction(threadId);
  const markRead = useMarkRead(threadId);
  const rt = useRealtime();
  const messages = useMemo(() => (msgs.data ? [...msgs.data.pages].reverse().flatMap((p) => p.items) : []), [msgs.data]);
  const lastId = messages.at(-1)?.id;

  useEffect(() => {
    rt.viewThread(threadId);
    return () => rt.viewThread(null);
  }, [rt, threadId]);
  useEffect(() => {
    if (lastId !== undefined) markRead.mutate(lastId);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastId]);

  if (detail.isError) return <p role="alert" className="center error">{String(detail.error.message)}</p>;
  if (!detail.data) return <p className="center muted">{t('app.loading')}</p>;
  const { thread, customer } = detail.data;
  const assignee = agents.data?.find((a) => a.id === thread.assigneeId);
  return (
    <article className="thread" aria-labelledby="thread-title">
      <header className="thread-header">
        <div>
          <h2 id="thread-title">{customer.name}</h2>
          <p className="muted small">
            {t(`status.${thread.status}`)}
            {assignee && <> · {t('thread.assignedTo', { name: assignee.id === me.id ? t('thread.you') : assignee.name })}</>}
            {thread.waitingSince !== null && (
              <>
                {' · '}
                <span>
                  {t('thread.waitingFor', { time: '' })}
                  <WaitingClock since={thread.waitingSince} locale={me.locale} />
                </span>
              </>
            )}
          </p>
        </div>
        <div className="actions">
          {thread.assigneeId !== me.id && (
            <button type="button" onClick={() => action.mutate({ kind: 'take' })} disabled={action.isPending}>
              {t('thread.take')}
            </button>
          )}
          {thread.status !== 'resolved' ? (
            <button type="button" onClick={() => action.mutate({ kind: 'status', status: 'resolved' })} disabled={action.isPending}>
              {t('thread.resolve')}
            </button>
          ) : (
            <button type="button" onClick={() => action.mutate({ kind: 'status', status: 'open' })} disabled={action.isPending}>
              {t('thread.reopen')}
            </button>
          )}
        </div>
      </header>
      <Timeline
        messages={messages}
        customer={customer}
        agents={agents.data ?? []}
        locale={me.locale}
        hasOlder={msgs.hasNextPage}
        loadOlder={() => void msgs.fetchNextPage()}
        loadingOlder={msgs.isFetchingNextPage}
      />
      <Composer threadId={threadId} customer={customer} lastChannel={thread.lastInboundChannel} />
    </article>
  );
}
