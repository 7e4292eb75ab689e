// A stateful agents API for the agents settings tests: Ada (admin), Kasia (agent, Polish and English), Wei (inactive lead).
import type { Agent, Team } from '#shared/schemas/agent';
import { make, mockApi, type Call } from './harness';

export const admin = make.agent(1, 'Ada Admin', { role: 'admin', email: 'ada@braid.test', teamIds: [] });
const teams: Team[] = [
  { id: 1, name: 'Support PL', autoAssign: false, memberIds: [2] },
  { id: 2, name: 'Billing', autoAssign: true, memberIds: [2] },
];

/** A tiny stateful agents API: what was created or changed is what the next list shows. */
export function serve(reply?: { post?: (c: Call) => unknown; patch?: (c: Call) => unknown }): {
  calls: Call[];
  agents: Agent[];
} {
  const agents: Agent[] = [
    admin,
    make.agent(2, 'Kasia Nowak', {
      email: 'kasia@braid.test',
      teamIds: [1, 2],
      capacity: 8,
      asyncCapacity: 20,
      languages: ['pl', 'en'],
      skills: ['email', 'VIP'],
      presence: 'away',
    }),
    make.agent(3, 'Wei Zhang', {
      email: 'wei@braid.test',
      role: 'lead',
      active: false,
      presence: 'offline',
      teamIds: [],
    }),
  ];
  const calls = mockApi([
    ['GET', /^\/api\/agents$/, () => ({ items: agents })],
    ['GET', /^\/api\/teams$/, () => ({ items: teams })],
    ['GET', /^\/api\/auth\/me$/, () => ({ agent: admin, csrfToken: 'x' })],
    [
      'POST',
      /^\/api\/agents$/,
      (c) => {
        const custom = reply?.post?.(c);
        if (custom) return custom;
        const body = c.body as Agent & { password: string };
        const created = make.agent(4, body.name, {
          email: body.email,
          role: body.role,
          locale: body.locale,
          capacity: body.capacity,
          asyncCapacity: body.asyncCapacity,
          languages: body.languages,
          skills: body.skills,
          teamIds: body.teamIds,
          presence: 'offline',
        });
        agents.push(created);
        return { status: 201, json: created };
      },
    ],
    [
      'PATCH',
      /^\/api\/agents\/\d+$/,
      (c) => {
        const custom = reply?.patch?.(c);
        if (custom) return custom;
        const i = agents.findIndex((a) => a.id === Number(c.path.split('/').pop()));
        agents[i] = { ...agents[i], ...(c.body as Partial<Agent>) };
        return agents[i];
      },
    ],
  ]);
  return { calls, agents };
}
