import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { useAgents, useTeams } from '#client/api/directory';
import { ApiError } from '#client/api/http';
import { useOpenMonitor } from '#client/api/monitor';
import { useMessages, useThreadDetail } from '#client/api/threads';
import type { SystemLookup } from './systemText';
import { Timeline } from './Timeline';
import { buildTimelineRows } from './timelineRows';
import { TypingLine } from './ViewerStrip';
import { MonitorHeader } from './MonitorHeader';
import { WhisperBox } from './WhisperBox';

const NO_PENDING = { retry: () => {}, discard: () => {}, edit: () => {} };

/**
 * A live thread opened by a lead, supervisor or admin in monitor mode (/t/:id?monitor=1): read-only
 * (no composer, no actions), nothing marked read, not announced as a viewer; the assigned agent's
 * typing shows live, and the one thing to write is a whisper. The server records the opening.
 */
export function MonitorView({ threadId, me }: { threadId: number; me: Agent }) {
  const { t } = useTranslation();
  const open = useOpenMonitor(threadId);
  const detail = useThreadDetail(threadId);
  const msgs = useMessages(threadId);
  const agentList = useAgents().data;
  const teams = useTeams().data;
  const agents = useMemo(() => new Map((agentList ?? []).map((a) => [a.id, a])), [agentList]);
  const names = useMemo<SystemLookup>(
    () => ({ agentName: (id) => agents.get(id)?.name, teamName: (id) => teams?.find((x) => x.id === id)?.name }),
    [agents, teams],
  );
  const pages = msgs.data?.pages;
  const hasOlder = msgs.hasNextPage;
  const episodes = detail.data?.episodes;
  const rows = useMemo(
    () => buildTimelineRows(pages ? [...pages].reverse().flatMap((p) => p.items) : [], episodes ?? [], [], hasOlder),
    [pages, episodes, hasOlder],
  );

  const failed = open.error ?? detail.error;
  if (failed)
    return (
      <p role="alert" className="center error">
        {failed instanceof ApiError && failed.status === 403 ? t('monitor.forbidden') : failed.message}
      </p>
    );
  if (!detail.data || msgs.isPending || !open.data) return <p className="center muted">{t('app.loading')}</p>;
  const { thread, customer } = detail.data;
  const assignee = thread.assigneeId === null ? null : (agents.get(thread.assigneeId)?.name ?? `#${thread.assigneeId}`);
  return (
    <article className="thread monitoring" aria-labelledby="thread-title">
      <MonitorHeader
        threadId={threadId}
        customerName={customer.name}
        status={thread.status}
        assignee={assignee}
        views={open.data.views}
      />
      <Timeline
        {...{ rows, names, hasOlder }}
        myId={me.id}
        customerName={customer.name}
        pendingActions={NO_PENDING}
        loadingOlder={msgs.isFetchingNextPage}
        loadOlder={() => void msgs.fetchNextPage()}
      />
      <TypingLine threadId={threadId} myId={me.id} agents={agents} />
      <WhisperBox threadId={threadId} assignee={assignee} />
    </article>
  );
}
