import type { RoutingReason, RoutingWait } from '#shared/schemas/routingExplain';

/** Names the English explanation needs: languages, agents and teams. */
export interface RoutingNames {
  language(code: string): string;
  agent(id: number): string;
  team(id: number): string;
}

const LOAD_NOUN = { live: 'live chats', async: 'async threads', all: 'open threads' } as const;

/** English name of a language code ("th" → "Thai"), the code itself when unknown. */
export function englishLanguage(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Why routing chose the agent, in English: "Thai speaker, 2 of 5 live chats". */
export function reasonInWords(r: RoutingReason, names: Pick<RoutingNames, 'language'>): string {
  const parts: string[] = [];
  if (r.vip) parts.push('VIP customer');
  else if (r.priority === 'urgent' || r.priority === 'high') parts.push(`${r.priority} priority`);
  if (r.language !== null)
    parts.push(
      r.fallback ? `no ${names.language(r.language)} speaker free in time` : `${names.language(r.language)} speaker`,
    );
  if (r.skill !== null) parts.push(`${r.skill} skill`);
  if (r.mode === 'leastLoaded') parts.push('least loaded');
  parts.push(`${r.load} of ${r.capacity} ${LOAD_NOUN[r.loadKind]}`);
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const WAIT_WORDS: Record<RoutingWait['why'], string> = {
  autoAssignOff: 'Auto-assignment is off for this team',
  noTeam: 'No team',
  nobodyOnline: 'Nobody in the team is online',
  noRoom: 'Everyone online is at capacity',
  awaitingLanguage: 'Waiting for a speaker of the customer’s language',
  idle: 'Being routed',
};

/** Why an unassigned thread waits, in English, with when the fall-back and overflow happen. */
export function waitInWords(w: RoutingWait, names: RoutingNames): string {
  const time = (at: number) => new Date(at).toISOString().slice(11, 16) + ' UTC';
  let text =
    w.why === 'awaitingLanguage' && w.language !== null
      ? `Waiting for a ${names.language(w.language)} speaker`
      : WAIT_WORDS[w.why];
  if (w.fallbackAt !== null) text += `; anyone may take it from ${time(w.fallbackAt)}`;
  if (w.overflowAt !== null && w.overflowTeamId !== null)
    text += `; moves to ${names.team(w.overflowTeamId)} at ${time(w.overflowAt)}`;
  return text;
}
