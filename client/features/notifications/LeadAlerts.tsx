import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import type { LoggedEvent } from '#shared/schemas/events';
import { threadQueries, type ThreadListCache } from '#client/api/threads';
import { useRealtime } from '#client/realtime/RealtimeProvider';
import { Toasts, useToasts } from '#client/components/Toasts';
import { useAlertText } from '#client/features/board/AlertsPanel';

/** Name of a thread's customer from whatever list is cached (alerts carry only the id). */
function customerName(qc: ReturnType<typeof useQueryClient>, threadId: number): string | null {
  for (const [, data] of qc.getQueriesData<ThreadListCache>({ queryKey: threadQueries.lists() })) {
    const hit = data?.pages.flatMap((p) => p.items).find((t) => t.id === threadId);
    if (hit) return hit.customer.name;
  }
  return null;
}

/**
 * For team leads and up: live toasts when a thread's mood drops below the team's threshold or an
 * SLA target is breached (linking to the thread), or a team alert rule fires (linking to that
 * team's board). Agents do not get them.
 */
export function LeadAlerts({ me }: { me: Agent }) {
  const rt = useRealtime();
  const qc = useQueryClient();
  const { t } = useTranslation();
  // A thread's alert opens the thread, a team alert opens that team's board.
  const toasts = useToasts(4);
  const { push } = toasts;
  const alertText = useAlertText();
  const lead = hasRole(me.role, 'lead');
  useEffect(() => {
    if (!lead) return;
    return rt.onEvent((e: LoggedEvent) => {
      let text: string | null = null;
      let href = e.type === 'sentiment.alerted' || e.type === 'sla.alerted' ? `/t/${e.threadId}` : '/board';
      if (e.type === 'alert.fired') {
        text = t('leadAlerts.team', { team: e.alert.teamName, text: alertText(e.alert) });
        href = `/board?team=${e.alert.teamId}`;
      } else if (e.type === 'sentiment.alerted') {
        text = t('leadAlerts.sentiment', {
          name: customerName(qc, e.threadId) ?? `#${e.threadId}`,
          score: e.score.toFixed(2),
        });
      } else if (e.type === 'sla.alerted' && e.state === 'breached') {
        text = t('leadAlerts.slaBreached', { name: customerName(qc, e.threadId) ?? `#${e.threadId}` });
      }
      if (!text) return;
      push({ id: e.seq, href, text });
    });
  }, [rt, qc, t, lead, alertText, push]);
  if (!lead) return null;
  return <Toasts state={toasts} label={t('leadAlerts.region')} dismissLabel={t('leadAlerts.dismiss')} />;
}
