import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '#shared/socketEvents';
import type { PresenceLists } from '#shared/schemas/events';
import { agentRoom } from '#server/domain/access';
import { PresenceRegistry } from '#server/realtime/presence';
import { PRESENCE_ALL_ROOM, PresenceAudience, presenceTeamRoom } from '#server/realtime/presenceAudience';
import { createAgent } from '#server/services/agents';
import { seedPeople, startApp, TEST_PASSWORD } from '#tests/helpers/app';
import { login, nextEvent } from '#tests/helpers/client';

describe('presence audience (routing)', () => {
  const audience = new PresenceAudience();
  audience.remember({ id: 1, role: 'agent', teamIds: [10] });
  audience.remember({ id: 2, role: 'agent', teamIds: [10, 20] });
  audience.remember({ id: 3, role: 'agent', teamIds: [] });
  audience.remember({ id: 4, role: 'lead', teamIds: [10] });
  audience.remember({ id: 5, role: 'admin', teamIds: [] });

  it('sends a batch once to the all-presence room, per team to teammates, and to a teamless agent alone', () => {
    const sends = audience.route([
      { agentId: 1, presence: 'online' },
      { agentId: 2, presence: 'away' },
      { agentId: 3, presence: 'online' },
      { agentId: 4, presence: 'offline' },
      { agentId: 5, presence: 'online' },
    ]);
    const lists = (online: number[], away: number[], offline: number[]): PresenceLists => ({ online, away, offline });
    expect(sends).toEqual([
      { to: [PRESENCE_ALL_ROOM], except: [], lists: lists([1, 3, 5], [2], [4]) },
      { to: [agentRoom(3)], except: [], lists: lists([3], [], []) },
      { to: [presenceTeamRoom(10)], except: [PRESENCE_ALL_ROOM], lists: lists([1], [2], [4]) },
      { to: [presenceTeamRoom(20)], except: [PRESENCE_ALL_ROOM], lists: lists([], [2], []) },
    ]);
  });

  it('gives agents a snapshot of their teammates and themselves, leads and above everyone', () => {
    const registry = new PresenceRegistry();
    for (const id of [1, 2, 3, 4, 5]) registry.connect(id, `s${id}`);
    registry.choose(2, 'away');
    expect(audience.snapshotFor({ id: 3, role: 'agent', teamIds: [] }, registry)).toEqual({
      online: [3],
      away: [],
      offline: [],
    });
    expect(audience.snapshotFor({ id: 1, role: 'agent', teamIds: [10] }, registry)).toEqual({
      online: [1, 4],
      away: [2],
      offline: [],
    });
    expect(audience.snapshotFor({ id: 5, role: 'admin', teamIds: [] }, registry)).toEqual({
      online: [1, 3, 4, 5],
      away: [2],
      offline: [],
    });
  });

  it('follows a change of teams', () => {
    const a = new PresenceAudience();
    a.remember({ id: 7, role: 'agent', teamIds: [10] });
    a.remember({ id: 7, role: 'agent', teamIds: [20] });
    const rooms = a.route([{ agentId: 7, presence: 'online' }]).map((s) => s.to[0]);
    expect(rooms).toEqual([PRESENCE_ALL_ROOM, presenceTeamRoom(20)]);
  });
});

describe('presence over real sockets', () => {
  /** A running app with the seeded people plus an agent in no team. */
  async function world() {
    const app = await startApp();
    const people = await seedPeople(app.db);
    const agent = {
      name: 'loner',
      role: 'agent',
      password: TEST_PASSWORD,
      locale: 'en',
      capacity: 5,
      teamIds: [],
    } as const;
    const loner = await createAgent(app.db, { ...agent, teamIds: [], email: 'loner@test.local' }, Date.now());
    return { app, people, loner };
  }
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => void (w = await world()));
  afterAll(() => w.app.close());

  it('reaches teammates, leads and the agent, and never an agent of another team', async () => {
    const socketOf = async (email: string) => {
      const s = await (await login(w.app.url, email)).socket();
      const heard: PresenceLists[] = [];
      s.on('presence.changed', (l) => heard.push(l));
      return { s, heard };
    };
    const lead = await socketOf('lead@test.local');
    const sup = await socketOf('supervisor@test.local');
    const b = await socketOf('agent.b@test.local');
    const a2 = await socketOf('agent.a2@test.local');

    const has = (id: number) => (l: PresenceLists) => l.online.includes(id);
    const leadHears = nextEvent(lead.s, 'presence.changed', has(w.people.agentA));
    const supHears = nextEvent(sup.s, 'presence.changed', has(w.people.agentA));
    const mateHears = nextEvent(a2.s, 'presence.changed', has(w.people.agentA));
    const a = await (await login(w.app.url, 'agent.a@test.local')).socket();
    await Promise.all([leadHears, supHears, mateHears]);

    // The loner (no team) hears their own change; the lead hears it too; teammates of A do not.
    const l: Socket<ServerToClientEvents, ClientToServerEvents> = io(w.app.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: (await login(w.app.url, 'loner@test.local')).cookie },
      reconnection: false,
      forceNew: true,
    });
    // The snapshot follows the handshake at once: listen before connecting.
    expect(await nextEvent(l, 'presence.snapshot')).toEqual({ online: [w.loner], away: [], offline: [] });
    const awayLists = (x: PresenceLists) => x.away.includes(w.loner);
    const self = nextEvent(l, 'presence.changed', awayLists);
    const leadAway = nextEvent(lead.s, 'presence.changed', awayLists);
    l.emit('presence.set', { presence: 'away' });
    await Promise.all([self, leadAway]);
    await new Promise((r) => setTimeout(r, 400)); // past a flush window: anything misrouted has arrived

    const ids = (heard: PresenceLists[]) => heard.flatMap((x) => [...x.online, ...x.away, ...x.offline]);
    expect(ids(b.heard)).not.toContain(w.people.agentA);
    expect(ids(b.heard)).not.toContain(w.loner);
    expect(ids(a2.heard)).not.toContain(w.loner);
    expect(ids(a2.heard)).toContain(w.people.agentA);
    for (const s of [lead.s, sup.s, b.s, a2.s, a, l]) s.close();
  });
});
