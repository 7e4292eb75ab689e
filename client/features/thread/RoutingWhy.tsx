import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '#shared/schemas/agent';
import type { ThreadSummary } from '#shared/schemas/thread';
import { routingExplainQuery } from '#client/api/routingExplain';
import { namesFrom, useRoutingWords } from './routingWords';

/**
 * The thread header's "why here" line: why routing gave the thread to its agent ("Thai speaker,
 * 2 of 5 live chats"), who assigned it by hand, or why it still waits. It follows the thread: an
 * assignment pushed over the socket changes the thread, and the line is read again.
 */
export function RoutingWhy({
  thread,
  agents,
  teams,
}: {
  thread: ThreadSummary;
  agents: readonly Agent[];
  teams: readonly Team[];
}) {
  const { t } = useTranslation();
  const words = useRoutingWords();
  // While the new explanation loads, the old one stays (no jump in the header); the id check below
  // keeps another thread's line from showing.
  const explain = useQuery({ ...routingExplainQuery(thread), placeholderData: (prev) => prev });
  if (!explain.data || explain.data.threadId !== thread.id) return null;
  const text = words(explain.data, namesFrom(agents, teams));
  if (text === null) return null;
  return (
    <p className="routing-why small muted">
      <span className="routing-why-label">{t('routing.why.label')}</span> {text}
    </p>
  );
}
