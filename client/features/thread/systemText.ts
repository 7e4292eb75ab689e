import type { TFunction } from 'i18next';
import type { Message } from '#shared/schemas/message';
import type { Formatters } from '#client/i18n/format';

/** Names the system-entry text needs (agents and teams by id). */
export interface SystemLookup {
  agentName(id: number): string | undefined;
  teamName(id: number): string | undefined;
}

type Meta = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * A system entry (assigned, status, priority, team…) in the agent's language, rebuilt from its
 * kind and structured facts. Falls back to the server's own English text when the facts are
 * missing or the kind is unknown, so nothing is ever hidden.
 */
export function describeSystem(
  m: Pick<Message, 'systemKind' | 'text'> & { meta?: Meta },
  t: TFunction,
  f: Formatters,
  names: SystemLookup,
): string {
  const meta = m.meta;
  if (!meta || !m.systemKind) return m.text;
  const actorId = num(meta.actorId);
  const actor = actorId === null ? null : (names.agentName(actorId) ?? null);
  switch (m.systemKind) {
    case 'assigned': {
      if (!actor) break;
      const to = num(meta.assigneeId);
      if (to === null) return t('system.unassigned', { actor });
      if (to === actorId) return t('system.took', { actor });
      const assignee = names.agentName(to);
      return assignee ? t('system.assigned', { actor, assignee }) : m.text;
    }
    case 'team': {
      if (!actor) break;
      const teamId = num(meta.teamId);
      const team = teamId === null ? t('system.noTeam') : names.teamName(teamId);
      return team ? t('system.team', { actor, team }) : m.text;
    }
    case 'status': {
      const status = str(meta.status);
      if (!status) break;
      if (!actor) return status === 'open' ? t('system.snoozeEnded') : m.text;
      if (status === 'snoozed') {
        const until = num(meta.snoozedUntil);
        return until === null ? m.text : t('system.snoozed', { actor, time: f.dateTime(until) });
      }
      return t(`system.status.${status}`, { actor, defaultValue: m.text });
    }
    case 'priority': {
      const priority = str(meta.priority);
      if (!actor || !priority) break;
      return t('system.priority', { actor, priority: t(`priority.${priority}`, { defaultValue: priority }) });
    }
  }
  return m.text;
}
