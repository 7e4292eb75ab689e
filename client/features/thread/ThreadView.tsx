import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { useAgents, useTeams } from '#client/api/directory';
import { useMarkRead, useMessages, useSendMessage, useThreadAction, useThreadDetail } from '#client/api/threads';
import type { ThreadAction } from '#client/api/threadMutations';
import { ApiError } from '#client/api/http';
import type { Confirmation } from '#shared/errors';
import { ColleagueConfirm } from './ColleagueConfirm';
import { useRealtime } from '#client/realtime/RealtimeProvider';
import { useSearchParams } from '#client/router';
import { Composer, type ComposerHandle } from '#client/features/composer/Composer';
import { CustomerPanel } from '#client/features/customer/CustomerPanel';
import { useProvideThreadCommands } from '#client/features/keyboard/threadCommands';
import type { SystemLookup } from './systemText';
import { ThreadHeader } from './ThreadHeader';
import { MonitorLine } from './MonitorLine';
import { Timeline, type TimelineHandle } from './Timeline';
import { buildTimelineRows, detectedLanguage, sentimentSeries } from './timelineRows';
import { usePendingSends } from './usePendingSends';

/** What the server may ask to confirm on a colleague's thread (team and priority moves never ask). */
type ConfirmableAction = Exclude<ThreadAction, { kind: 'team' | 'priority' }>;
import { TypingLine } from './ViewerStrip';

/** One customer's whole conversation across channels, live, with the reply box and their profile. */
export function ThreadView({
  threadId,
  me,
  panelOpen,
  togglePanel,
}: {
  threadId: number;
  me: Agent;
  panelOpen: boolean;
  togglePanel(): void;
}) {
  const { t } = useTranslation();
  const detail = useThreadDetail(threadId);
  const msgs = useMessages(threadId);
  const agentList = useAgents().data;
  const teams = useTeams().data;
  const action = useThreadAction(threadId, me.id);
  // An action on a colleague's thread the server asked to confirm (team setting): what and why.
  const [asked, setAsked] = useState<{ a: ConfirmableAction; confirm: Confirmation } | null>(null);
  const act = (a: ThreadAction) =>
    action.mutate(a, {
      onError: (err) => {
        const confirmable = a.kind !== 'team' && a.kind !== 'priority';
        if (err instanceof ApiError && err.code === 'confirmation_required' && err.confirm && confirmable)
          setAsked({ a, confirm: err.confirm });
      },
    });
  const markRead = useMarkRead(threadId);
  const send = useSendMessage(threadId);
  const rt = useRealtime();
  const composer = useRef<ComposerHandle>(null);
  const timeline = useRef<TimelineHandle>(null);
  const focusId = Number(useSearchParams().get('m')) || null;
  const agents = useMemo(() => new Map((agentList ?? []).map((a) => [a.id, a])), [agentList]);
  const names = useMemo<SystemLookup>(
    () => ({ agentName: (id) => agents.get(id)?.name, teamName: (id) => teams?.find((x) => x.id === id)?.name }),
    [agents, teams],
  );
  const messages = useMemo(
    () => (msgs.data ? [...msgs.data.pages].reverse().flatMap((p) => p.items) : []),
    [msgs.data],
  );
  const { pending, forget } = usePendingSends(threadId, messages);
  const episodes = detail.data?.episodes;
  const hasOlder = msgs.hasNextPage;
  const rows = useMemo(
    () => buildTimelineRows(messages, episodes ?? [], pending, hasOlder),
    [messages, episodes, pending, hasOlder],
  );
  const trend = useMemo(() => sentimentSeries(messages), [messages]);
  const detected = useMemo(() => detectedLanguage(messages), [messages]);
  const lastId = messages.at(-1)?.id;

  useEffect(() => {
    rt.viewThread(threadId);
    return () => rt.viewThread(null);
  }, [rt, threadId]);
  // Reading is acknowledged once things settle, not once per message of a burst.
  useEffect(() => {
    if (lastId === undefined) return;
    const timer = setTimeout(() => markRead.mutate(lastId, { onSuccess: () => rt.refreshCounts() }), 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastId]);

  const thread = detail.data?.thread;
  useProvideThreadCommands({
    reply: () => composer.current?.focus('reply'),
    note: () => composer.current?.focus('note'),
    resolve: () => thread && thread.status !== 'resolved' && act({ kind: 'status', status: 'resolved' }),
    reopen: () => thread?.status === 'resolved' && act({ kind: 'status', status: 'open' }),
    take: () => thread && thread.assigneeId !== me.id && act({ kind: 'take' }),
    toggleCustomer: togglePanel,
  });

  if (detail.isError)
    return (
      <p role="alert" className="center error">
        {detail.error.message}
      </p>
    );
  if (!detail.data || !thread || msgs.isPending) return <p className="center muted">{t('app.loading')}</p>;
  const { customer } = detail.data;
  return (
    <div className={`thread-layout${panelOpen ? ' with-panel' : ''}`}>
      <article className="thread" aria-labelledby="thread-title">
        <ThreadHeader
          thread={thread}
          customerName={customer.name}
          me={me}
          agents={agentList ?? []}
          teams={teams ?? []}
          trend={trend}
          busy={action.isPending}
          act={act}
          panelOpen={panelOpen}
          togglePanel={togglePanel}
        />
        <MonitorLine threadId={threadId} me={me} />
        {asked && (
          <ColleagueConfirm
            confirm={asked.confirm}
            agents={agents}
            kind="action"
            busy={action.isPending}
            onBack={() => {
              setAsked(null);
              action.reset();
            }}
            onConfirm={() => {
              setAsked(null);
              act({ ...asked.a, confirm: true });
            }}
          />
        )}
        {action.isError && !asked && (
          <p className="error small pad-s" role="alert">
            {action.error.message}
          </p>
        )}
        <Timeline
          rows={rows}
          customerName={customer.name}
          names={names}
          myId={me.id}
          hasOlder={msgs.hasNextPage}
          loadingOlder={msgs.isFetchingNextPage}
          loadOlder={() => void msgs.fetchNextPage()}
          handle={timeline}
          focusId={focusId}
          pendingActions={{
            retry: (s) => {
              forget(s);
              send.mutate(s.variables);
            },
            discard: forget,
            edit: (s) => {
              forget(s);
              composer.current?.restore(s.variables.text, s.variables.kind === 'note');
            },
          }}
        />
        <TypingLine threadId={threadId} myId={me.id} agents={agents} />
        <Composer
          thread={thread}
          customer={customer}
          language={customer.language ?? detected}
          me={me}
          messages={messages}
          agents={agents}
          onSent={() => requestAnimationFrame(() => timeline.current?.scrollToEnd())}
          handle={composer}
        />
      </article>
      {panelOpen && (
        <CustomerPanel
          customer={customer}
          detectedLanguage={detected}
          threadId={threadId}
          episodes={detail.data.episodes}
          currentEpisodeId={thread.currentEpisodeId}
          agents={agents}
        />
      )}
    </div>
  );
}
