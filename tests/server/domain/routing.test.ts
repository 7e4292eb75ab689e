import { describe, expect, it } from 'vitest';
import {
  nextRoutingInstant,
  queueOrder,
  routeQueue,
  threadLanguage,
  type QueuedThread,
  type RoutingMember,
} from '#server/domain/routing';
import { reasonInWords, waitInWords, englishLanguage } from '#server/domain/routingText';
import { ROUTING_DEFAULTS, type TeamRouting } from '#shared/schemas/teamSettings';
import { workKindOf } from '#shared/routing';

const MIN = 60_000;
const NOW = 1_000 * MIN;
const rules = (r: Partial<TeamRouting> = {}): TeamRouting => ({ ...ROUTING_DEFAULTS, ...r });
const agent = (id: number, a: Partial<RoutingMember> = {}): RoutingMember => ({
  id,
  online: true,
  languages: [],
  skills: [],
  capacity: 5,
  asyncCapacity: null,
  load: { live: 0, async: 0 },
  ...a,
});
const thread = (id: number, t: Partial<QueuedThread> = {}): QueuedThread => ({
  id,
  kind: 'live',
  channel: 'webchat',
  language: null,
  tier: null,
  priority: 'normal',
  queuedAt: NOW - MIN,
  ...t,
});
const first = (q: QueuedThread[], m: RoutingMember[], r = rules(), last: number | null = null, now = NOW) =>
  routeQueue(q, m, r, last, now).decisions[0];

describe('routeQueue: who gets one thread', () => {
  const cases: Array<[string, QueuedThread, RoutingMember[], TeamRouting, number | null, unknown]> = [
    ['round robin after the last agent', thread(1), [agent(1), agent(2), agent(3)], rules(), 2, { agentId: 3 }],
    ['round robin wraps around', thread(1), [agent(1), agent(2)], rules(), 2, { agentId: 1 }],
    [
      'least-loaded picks the lowest share of capacity',
      thread(1),
      [agent(1, { load: { live: 2, async: 0 } }), agent(2, { capacity: 10, load: { live: 3, async: 0 } })],
      rules({ mode: 'leastLoaded' }),
      null,
      { agentId: 2, reason: expect.objectContaining({ mode: 'leastLoaded', load: 4, capacity: 10 }) },
    ],
    ['offline agents never qualify', thread(1), [agent(1, { online: false }), agent(2)], rules(), null, { agentId: 2 }],
    [
      'Thai thread goes to the online Thai speaker with room',
      thread(1, { language: 'th' }),
      [agent(1), agent(2, { languages: ['th'], load: { live: 1, async: 0 } }), agent(3)],
      rules(),
      null,
      { agentId: 2, reason: expect.objectContaining({ language: 'th', fallback: false, load: 2, capacity: 5 }) },
    ],
    [
      'Thai speaker full: waits for the fall-back',
      thread(1, { language: 'th' }),
      [agent(1), agent(2, { languages: ['th'], load: { live: 5, async: 0 } })],
      rules({ fallbackMinutes: 5 }),
      null,
      { action: 'wait', why: 'awaitingLanguage', language: 'th', fallbackAt: NOW + 4 * MIN },
    ],
    [
      'after the fall-back wait anyone with room takes it',
      thread(1, { language: 'th', queuedAt: NOW - 5 * MIN }),
      [agent(1), agent(2, { languages: ['th'], online: false })],
      rules({ fallbackMinutes: 5 }),
      null,
      { agentId: 1, reason: expect.objectContaining({ language: 'th', fallback: true }) },
    ],
    [
      'nobody in the team speaks it: no wait',
      thread(1, { language: 'th' }),
      [agent(1, { languages: ['en'] })],
      rules(),
      null,
      { agentId: 1, reason: expect.objectContaining({ language: null, fallback: false }) },
    ],
    [
      'skills off: language ignored',
      thread(1, { language: 'th' }),
      [agent(1), agent(2, { languages: ['th'], load: { live: 5, async: 0 } })],
      rules({ skills: false }),
      null,
      { agentId: 1 },
    ],
    [
      'live limit full but async room: an email still goes',
      thread(1, { kind: 'async', channel: 'email' }),
      [agent(1, { capacity: 2, asyncCapacity: 3, load: { live: 2, async: 1 } })],
      rules(),
      null,
      { agentId: 1, reason: expect.objectContaining({ loadKind: 'async', load: 2, capacity: 3 }) },
    ],
    [
      'live limit full: a chat waits',
      thread(1),
      [agent(1, { capacity: 2, asyncCapacity: 3, load: { live: 2, async: 0 } })],
      rules(),
      null,
      { action: 'wait', why: 'noRoom' },
    ],
    [
      'one shared limit when asyncCapacity is null',
      thread(1, { kind: 'async', channel: 'email' }),
      [agent(1, { capacity: 3, load: { live: 2, async: 1 } })],
      rules(),
      null,
      { action: 'wait', why: 'noRoom' },
    ],
    [
      'a channel specialist is preferred',
      thread(1, { channel: 'whatsapp' }),
      [agent(1), agent(2, { skills: ['whatsapp'] })],
      rules(),
      null,
      { agentId: 2, reason: expect.objectContaining({ skill: 'whatsapp' }) },
    ],
    [
      'unassigned for N minutes with nobody free: overflow',
      thread(1, { queuedAt: NOW - 15 * MIN }),
      [agent(1, { load: { live: 5, async: 0 } })],
      rules({ overflowTeamId: 9, overflowMinutes: 15 }),
      null,
      { action: 'overflow', teamId: 9 },
    ],
    [
      'before N minutes: waits, saying when it overflows',
      thread(1, { queuedAt: NOW - 14 * MIN }),
      [agent(1, { online: false })],
      rules({ overflowTeamId: 9, overflowMinutes: 15 }),
      null,
      { action: 'wait', why: 'nobodyOnline', overflowAt: NOW + MIN, overflowTeamId: 9 },
    ],
    [
      'somebody free at N minutes: assigned, not overflowed',
      thread(1, { queuedAt: NOW - 30 * MIN }),
      [agent(1)],
      rules({ overflowTeamId: 9, overflowMinutes: 15 }),
      null,
      { action: 'assign', agentId: 1 },
    ],
  ];
  it.each(cases)('%s', (_name, t, members, r, last, expected) => {
    expect(first([t], members, r, last)).toMatchObject(expected as object);
  });
});

describe('routeQueue: a queue', () => {
  it('serves VIP, then urgent/high, then the longest wait; never overfills an agent', () => {
    const q = [
      thread(1, { queuedAt: NOW - 9 * MIN }),
      thread(2, { priority: 'high', queuedAt: NOW - MIN }),
      thread(3, { tier: 'VIP', queuedAt: NOW }),
      thread(4, { priority: 'urgent', queuedAt: NOW - 2 * MIN }),
    ];
    const { decisions } = routeQueue(q, [agent(1, { capacity: 3 })], rules(), null, NOW);
    expect(decisions.map((d) => [d.threadId, d.action])).toEqual([
      [3, 'assign'],
      [4, 'assign'],
      [2, 'assign'],
      [1, 'wait'],
    ]);
    expect(decisions[0]).toMatchObject({ reason: { vip: true, load: 1, capacity: 3 } });
  });

  it('spreads a queue round robin and remembers the last agent', () => {
    const out = routeQueue([thread(1), thread(2), thread(3)], [agent(1), agent(2)], rules(), null, NOW);
    expect(out.decisions.map((d) => (d.action === 'assign' ? d.agentId : null))).toEqual([1, 2, 1]);
    expect(out.lastAssignedId).toBe(1);
  });

  it('orders with queueOrder and finds the next instant of the waiting ones', () => {
    expect([thread(2, { queuedAt: 5 }), thread(1, { queuedAt: 5 })].sort(queueOrder).map((t) => t.id)).toEqual([1, 2]);
    const { decisions } = routeQueue(
      [thread(1, { language: 'th' })],
      [agent(1), agent(2, { languages: ['th'], online: false })],
      rules({ fallbackMinutes: 5, overflowTeamId: 4, overflowMinutes: 10 }),
      null,
      NOW,
    );
    expect(nextRoutingInstant(decisions, NOW)).toBe(NOW + 4 * MIN);
  });
});

describe('facts and words', () => {
  it.each([
    [['th', 'th', 'en'], 'th'],
    [['en', 'th', 'th'], 'th'],
    [['en', 'th'], 'en'],
    [[null, null], null],
    [[null, 'pl'], 'pl'],
  ])('threadLanguage(%j) = %s', (recent, expected) => expect(threadLanguage(recent)).toBe(expected));

  it.each([
    ['webchat', 'live'],
    ['whatsapp', 'live'],
    ['sms', 'live'],
    ['line', 'live'],
    ['email', 'async'],
    ['api', 'async'],
  ] as const)('%s is %s work', (channel, kind) => expect(workKindOf(channel)).toBe(kind));

  it('explains in words', () => {
    const base = { mode: 'roundRobin', skill: null, vip: false, priority: 'normal' } as const;
    const names = { language: englishLanguage, agent: (id: number) => `#${id}`, team: () => 'Overflow' };
    expect(
      reasonInWords({ ...base, language: 'th', fallback: false, loadKind: 'live', load: 2, capacity: 5 }, names),
    ).toBe('Thai speaker, 2 of 5 live chats');
    expect(
      reasonInWords(
        { ...base, vip: true, language: 'th', fallback: true, loadKind: 'async', load: 1, capacity: 3 },
        names,
      ),
    ).toBe('VIP customer, no Thai speaker free in time, 1 of 3 async threads');
    const wait = { why: 'awaitingLanguage', language: 'th', fallbackAt: Date.UTC(2026, 0, 1, 10, 42) } as const;
    expect(waitInWords({ ...wait, overflowAt: null, overflowTeamId: null }, names)).toBe(
      'Waiting for a Thai speaker; anyone may take it from 10:42 UTC',
    );
  });
});
