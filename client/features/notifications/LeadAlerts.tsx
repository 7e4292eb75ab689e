import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import type { LoggedEvent } from '#shared/schemas/events';
import { threadQueries, type ThreadListCache } from '#client/api/threads';
import { useRealtime } from '#client/realtime/RealtimeProvider';
import { navigate } from '#client/router';
import { useAlertText } from '#client/features/board/AlertsPanel';

/** A toast: a thread's alert opens the thread, a team alert opens that team's board. */
type Alert = { id: number; href: string; text: string };
const KEEP_MS = 30_000;
const MAX = 4;

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
  const [alerts, setAlerts] = useState<Alert[]>([]);
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
      const alert = { id: e.seq, href, text };
      setAlerts((a) => [alert, ...a].slice(0, MAX));
      setTimeout(() => setAlerts((a) => a.filter((x) => x.id !== alert.id)), KEEP_MS);
    });
  }, [rt, qc, t, lead, alertText]);
  if (!lead || alerts.length === 0) return null;
  return (
    <section className="lead-alerts" role="status" aria-live="polite" aria-label={t('leadAlerts.region')}>
      {alerts.map((a) => (
        <div key={a.id} className="lead-alert">
          <button type="button" className="link" onClick={() => navigate(a.href)}>
            {a.text}
          </button>
          <button
            type="button"
            className="chip-x"
            aria-label={t('leadAlerts.dismiss')}
            onClick={() => setAlerts((x) => x.filter((y) => y.id !== a.id))}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
