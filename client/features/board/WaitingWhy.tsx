import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ThreadSummary } from '#shared/schemas/thread';
import { routingExplainQuery } from '#client/api/routingExplain';
import { namesFrom, useRoutingWords } from '#client/features/thread/routingWords';

/**
 * The routing "why" under a waiting customer's name on the board — the same words the thread header
 * shows ("Auto-assigned to Kasia: Thai speaker, 2 of 5 live chats"). One cached request per row (the
 * list has at most 10); the query key carries the assignee, team and status, so a board delta that
 * changes one of them reads it again. Nothing is shown when there is nothing to say.
 */
export function WaitingWhy(p: {
  thread: ThreadSummary;
  agents: readonly { id: number; name: string }[];
  teams: readonly { id: number; name: string }[];
}) {
  const { t } = useTranslation();
  const words = useRoutingWords();
  const explain = useQuery({ ...routingExplainQuery(p.thread), staleTime: 60_000 });
  if (!explain.data) return null;
  const text = words(explain.data, namesFrom(p.agents, p.teams));
  if (text === null) return null;
  return (
    <div className="board-why small muted" dir="auto">
      <span className="sr-only">{t('routing.why.label')} </span>
      {text}
    </div>
  );
}
