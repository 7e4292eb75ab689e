import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '#shared/schemas/agent';
import { hasRole, PrioritySchema } from '#shared/schemas/common';
import type { ThreadSummary } from '#shared/schemas/thread';
import type { ThreadAction } from '#client/api/threadMutations';
import { Icon } from '#client/components/Icon';
import { IdSelect } from '#client/components/IdSelect';
import { SentimentMark } from '#client/components/SentimentMark';
import { SlaBadge } from '#client/components/SlaBadge';
import { WaitingClock } from '#client/components/WaitingClock';
import { useFormat } from '#client/i18n/format';
import { RoutingWhy } from './RoutingWhy';
import { SentimentTrend } from './SentimentTrend';
import { ViewerAvatars } from './ViewerStrip';
import { Select, optionsOf } from '#client/components/Select';

function snoozeUntil(choice: string): number {
  const d = new Date();
  if (choice === '1h') return Date.now() + 3_600_000;
  if (choice === '4h') return Date.now() + 4 * 3_600_000;
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d.getTime();
}

/** A compact picker of one agent or team, or none; its label is for screen readers only. */
function PickOne({ label, ...select }: { label: string } & ComponentProps<typeof IdSelect>) {
  return (
    <label className="compact">
      <span className="sr-only">{label}</span>
      <IdSelect {...select} />
    </label>
  );
}

/** Who, state, waiting clock, SLA and mood, who else is here, and the thread's actions. */
export function ThreadHeader(p: {
  thread: ThreadSummary;
  customerName: string;
  me: Agent;
  agents: Agent[];
  teams: Team[];
  trend: number[];
  busy: boolean;
  act(a: ThreadAction): void;
  panelOpen: boolean;
  togglePanel(): void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { thread } = p;
  const byId = new Map(p.agents.map((a) => [a.id, a]));
  const assignee = thread.assigneeId === null ? undefined : byId.get(thread.assigneeId);
  const lead = hasRole(p.me.role, 'lead');
  const mine = thread.assigneeId === p.me.id;
  return (
    <header className="thread-header">
      <div className="th-main">
        <h2 id="thread-title" dir="auto">
          {p.customerName}
        </h2>
        <div className="th-facts small">
          <span className={`status status-${thread.status}`}>{t(`status.${thread.status}`)}</span>
          {thread.status === 'snoozed' && thread.snoozedUntil !== null && (
            <span>{t('thread.snoozedUntil', { time: f.dateTime(thread.snoozedUntil) })}</span>
          )}
          {thread.waitingSince !== null && (
            <span className="th-wait">
              {t('thread.waitingFor')} <WaitingClock since={thread.waitingSince} />
            </span>
          )}
          <SlaBadge sla={thread.sla} />
          <SentimentMark sentiment={thread.sentiment} />
          <SentimentTrend scores={p.trend} />
          <ViewerAvatars threadId={thread.id} myId={p.me.id} agents={byId} />
        </div>
        <RoutingWhy thread={thread} agents={p.agents} teams={p.teams} />
      </div>
      <div className="th-actions">
        {lead ? (
          <PickOne
            label={t('thread.assignee')}
            value={thread.assigneeId}
            none={t('list.unassigned')}
            options={p.agents
              .filter((a) => a.active)
              .map((a) => ({ id: a.id, name: a.id === p.me.id ? `${a.name} (${t('thread.you')})` : a.name }))}
            disabled={p.busy}
            onChange={(agentId) => p.act({ kind: 'assign', agentId })}
          />
        ) : mine ? (
          <button type="button" onClick={() => p.act({ kind: 'assign', agentId: null })} disabled={p.busy}>
            {t('thread.release')}
          </button>
        ) : (
          <>
            {assignee && <span className="small muted">{t('thread.assignedTo', { name: assignee.name })}</span>}
            <button type="button" onClick={() => p.act({ kind: 'take' })} disabled={p.busy} aria-keyshortcuts="a">
              {t('thread.take')}
            </button>
          </>
        )}
        {lead && (
          <PickOne
            label={t('thread.team')}
            value={thread.teamId}
            none={t('thread.noTeam')}
            options={p.teams}
            disabled={p.busy}
            onChange={(teamId) => p.act({ kind: 'team', teamId })}
          />
        )}
        <label className="compact">
          <span className="sr-only">{t('thread.priority')}</span>
          <Select
            value={thread.priority}
            disabled={p.busy}
            options={optionsOf(PrioritySchema.options, (pr) => t(`priority.${pr}`))}
            onChange={(priority) => p.act({ kind: 'priority', priority })}
          />
        </label>
        <label className="compact later">
          <span className="sr-only">{t('thread.later')}</span>
          <Select
            value=""
            disabled={p.busy}
            options={[
              { value: '', label: t('thread.later') },
              { value: 'pending', label: t('thread.markPending') },
              { value: '1h', label: t('thread.snooze1h') },
              { value: '4h', label: t('thread.snooze4h') },
              { value: 'tomorrow', label: t('thread.snoozeTomorrow') },
            ]}
            onChange={(v) => {
              if (v === 'pending') p.act({ kind: 'status', status: 'pending' });
              else if (v) p.act({ kind: 'status', status: 'snoozed', snoozedUntil: snoozeUntil(v) });
            }}
          />
        </label>
        {thread.status !== 'resolved' ? (
          <button
            type="button"
            className="primary"
            onClick={() => p.act({ kind: 'status', status: 'resolved' })}
            disabled={p.busy}
            aria-keyshortcuts="e"
          >
            {t('thread.resolve')}
          </button>
        ) : (
          <button type="button" onClick={() => p.act({ kind: 'status', status: 'open' })} disabled={p.busy}>
            {t('thread.reopen')}
          </button>
        )}
      </div>
      <button
        type="button"
        className="icon-button panel-toggle"
        aria-pressed={p.panelOpen}
        onClick={p.togglePanel}
        aria-label={t('customer.toggle')}
        title={t('customer.toggle')}
      >
        <Icon name="panel" />
      </button>
    </header>
  );
}
