// A stateful teams API for the teams settings tests (team 1 has demo-style hours without its closed days).
import type { Team } from '#shared/schemas/agent';
import type { TeamConfig } from '#client/api/teamAdmin';
import { ROUTING_DEFAULTS } from '#shared/schemas/teamSettings';
import { make, mockApi, type Call } from './harness';

export const admin = make.agent(1, 'Ada Admin', { role: 'admin', teamIds: [] });
export const DEFAULT_SETTINGS: TeamConfig['settings'] = {
  acknowledgement: { enabled: false, channels: [] },
  survey: 'none',
  sentimentThreshold: -0.5,
  defaultLanguage: 'en',
  courtesyKeepsResolved: true,
  confirmColleagueThreads: true,
  routing: { ...ROUTING_DEFAULTS },
};

/** A stateful teams API; team 1 has demo-style hours stored without its closed days. */
export function serve(): { calls: Call[]; rename: { status: number } } {
  const teams: Team[] = [
    { id: 1, name: 'Support PL', autoAssign: false, memberIds: [2, 3] },
    { id: 2, name: 'Billing', autoAssign: true, memberIds: [] },
  ];
  const configs = new Map<number, TeamConfig>([
    [
      1,
      {
        schedule: {
          timeZone: 'Europe/Warsaw',
          weekly: { '1': [['08:00', '18:00']], '2': [['08:00', '18:00']] },
          holidays: ['2026-12-25'],
        },
        settings: { ...DEFAULT_SETTINGS, survey: 'csat' },
      },
    ],
    [2, { schedule: null, settings: DEFAULT_SETTINGS }],
  ]);
  const rename = { status: 200 };
  const calls = mockApi([
    ['GET', /^\/api\/teams$/, () => ({ items: teams })],
    ['GET', /^\/api\/agents$/, () => ({ items: [admin, make.agent(2, 'Kasia Nowak'), make.agent(3, 'Wei Zhang')] })],
    [
      'POST',
      /^\/api\/teams$/,
      (c) => {
        const team = { id: 3, memberIds: [], ...(c.body as { name: string; autoAssign: boolean }) };
        teams.push(team);
        configs.set(3, { schedule: null, settings: DEFAULT_SETTINGS });
        return { status: 201, json: team };
      },
    ],
    [
      'PATCH',
      /^\/api\/teams\/\d+$/,
      (c) => {
        if (rename.status === 409) return { status: 409, json: { error: 'a team named Billing already exists' } };
        const team = teams.find((x) => x.id === Number(c.path.split('/').pop()))!;
        Object.assign(team, c.body);
        return team;
      },
    ],
    ['GET', /^\/api\/teams\/\d+\/config$/, (c) => configs.get(Number(c.path.split('/')[3]))],
    [
      'PATCH',
      /^\/api\/teams\/\d+\/config$/,
      (c) => {
        const body = c.body as { businessHours: TeamConfig['schedule']; settings: TeamConfig['settings'] };
        const cfg = { schedule: body.businessHours, settings: body.settings };
        configs.set(Number(c.path.split('/')[3]), cfg);
        return cfg;
      },
    ],
  ]);
  return { calls, rename };
}
