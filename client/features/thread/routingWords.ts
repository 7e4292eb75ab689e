import { useTranslation } from 'react-i18next';
import { CHANNEL_KINDS } from '#shared/channels';
import type { RoutingExplain, RoutingReason, RoutingWait } from '#shared/schemas/routingExplain';
import { useFormat } from '#client/i18n/format';
import { isOneOf } from '#shared/oneOf';

/** Names the words need: agents and teams by id (the thread view and the board both have them). */
export interface RoutingNameLookup {
  agent(id: number): string;
  team(id: number): string;
}

/** The name lookup from whatever agents and teams a view holds (`#id` for one it doesn't have). */
export function namesFrom(
  agents: readonly { id: number; name: string }[],
  teams: readonly { id: number; name: string }[],
): RoutingNameLookup {
  return {
    agent: (id) => agents.find((a) => a.id === id)?.name ?? `#${id}`,
    team: (id) => teams.find((tm) => tm.id === id)?.name ?? `#${id}`,
  };
}

/**
 * Word a routing explanation in the viewer's language — "Auto-assigned to Kasia: Thai speaker,
 * 2 of 5 live chats" — from its data, not the server's English text. Null when there is nothing
 * to say (a closed thread).
 */
export function useRoutingWords(): (e: RoutingExplain, names: RoutingNameLookup) => string | null {
  const { t } = useTranslation();
  const f = useFormat();
  const skillName = (s: string) => (isOneOf(CHANNEL_KINDS, s) ? t(`channel.${s}`) : s);

  const reason = (r: RoutingReason): string => {
    const parts: string[] = [];
    if (r.vip) parts.push(t('routing.why.vip'));
    else if (r.priority === 'urgent' || r.priority === 'high') parts.push(t(`routing.why.${r.priority}`));
    if (r.language !== null)
      parts.push(t(r.fallback ? 'routing.why.fallback' : 'routing.why.speaker', { language: f.language(r.language) }));
    if (r.skill !== null) parts.push(t('routing.why.skill', { skill: skillName(r.skill) }));
    if (r.mode === 'leastLoaded') parts.push(t('routing.why.leastLoaded'));
    parts.push(t(`routing.why.${r.loadKind}`, { load: r.load, count: r.capacity }));
    return parts.join(t('routing.why.sep'));
  };

  const wait = (w: RoutingWait, names: RoutingNameLookup): string => {
    const parts = [
      w.why === 'awaitingLanguage' && w.language !== null
        ? t('routing.why.wait.awaitingLanguage', { language: f.language(w.language) })
        : t(`routing.why.wait.${w.why}`),
    ];
    if (w.fallbackAt !== null) parts.push(t('routing.why.wait.fallbackAt', { time: f.time(w.fallbackAt) }));
    if (w.overflowAt !== null && w.overflowTeamId !== null)
      parts.push(t('routing.why.wait.overflowAt', { team: names.team(w.overflowTeamId), time: f.time(w.overflowAt) }));
    return parts.join(t('routing.why.sep'));
  };

  return (e, names) => {
    let text: string | null = null;
    if (e.state === 'routed' && e.reason !== null && e.agentId !== null)
      text = t('routing.why.routed', { agent: names.agent(e.agentId), why: reason(e.reason) });
    else if (e.state === 'manual' && e.agentId !== null)
      text =
        e.actorId !== null
          ? t('routing.why.manualBy', { actor: names.agent(e.actorId), agent: names.agent(e.agentId) })
          : t('routing.why.manual', { agent: names.agent(e.agentId) });
    else if (e.state === 'waiting' && e.wait !== null) text = wait(e.wait, names);
    if (text === null) return null;
    return e.overflowedFromTeamId === null
      ? text
      : `${t('routing.why.overflowed', { team: names.team(e.overflowedFromTeamId) })} ${text}`;
  };
}
