import type { Session } from '#scripts/bench/http';
import { PASSWORD } from '#scripts/bench/servers';
import { STANDARD_SLA_POLICY } from '#server/services/demo/intelligence';
import { LANGS, type Lang } from '#scripts/bench/texts';
import { ZONES, type People } from './shape';

const LOCALE: Record<Lang, string> = { th: 'th', zh: 'zh-CN', pl: 'pl', en: 'en' };

async function ok<T>(a: Promise<{ status: number; body: string }>, what: string): Promise<T> {
  const res = await a;
  if (res.status < 200 || res.status > 299) throw new Error(`${what}: HTTP ${res.status} ${res.body.slice(0, 200)}`);
  return JSON.parse(res.body) as T;
}

/**
 * Teams (one per language with its business hours and a CSAT survey, plus escalations), an SLA
 * policy and `agents` people (leads, two supervisors, the rest agents) — made through the admin
 * API of a running Braid, so these rows are exactly what the product writes.
 */
export async function makePeople(admin: Session, agents: number): Promise<People> {
  const teams = {} as Record<Lang | 'esc', number>;
  for (const key of [...LANGS, 'esc'] as const) {
    const name = key === 'esc' ? 'Escalations' : `Support ${key.toUpperCase()}`;
    teams[key] = (await ok<{ id: number }>(admin.post('/api/teams', { name }), 'create team')).id;
    if (key === 'esc') continue;
    const weekdays = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [['08:00', '18:00']]]));
    await ok(
      admin.post(
        `/api/teams/${teams[key]}/config`,
        { businessHours: { timeZone: ZONES[key], weekly: weekdays, holidays: [] }, settings: { survey: 'csat' } },
        'PATCH',
      ),
      'team config',
    );
  }
  await ok(admin.post('/api/sla-policies', STANDARD_SLA_POLICY), 'SLA policy');
  const members = new Map<number, Array<{ id: number; name: string }>>();
  const logins = { lead: '', agent: '', supervisor: '' };
  for (let i = 0; i < agents; i++) {
    const lang = LANGS[i % LANGS.length];
    const role = i < 2 ? 'supervisor' : i < 6 ? 'lead' : 'agent';
    const team = i % 10 === 9 ? teams.esc : teams[lang];
    const email = `${role}.${i}@bench.test`;
    const name = `${role[0].toUpperCase()}${role.slice(1)} ${i}`;
    const body = {
      email,
      name,
      role,
      password: PASSWORD,
      locale: LOCALE[lang],
      capacity: 20,
      teamIds: role === 'supervisor' ? [] : [team],
    };
    const a = await ok<{ id: number }>(admin.post('/api/agents', body), 'create agent');
    if (role !== 'supervisor') members.set(team, [...(members.get(team) ?? []), { id: a.id, name }]);
    if (role === 'supervisor' && !logins.supervisor) logins.supervisor = email;
    if (role === 'lead' && !logins.lead) logins.lead = email;
    if (role === 'agent' && !logins.agent) logins.agent = email;
  }
  return { teams, members, logins, agentCount: agents };
}
