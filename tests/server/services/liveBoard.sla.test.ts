import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recountBoardSla } from '#server/db/boardCounters';
import { threads } from '#server/db/schema';
import { ingestInbound } from '#server/services/ingest';
import { readTeamBoard } from '#server/services/liveBoard';
import { replyToThread } from '#server/services/replies';
import { createSlaPolicy, threadSla } from '#server/services/sla';
import { SlaScheduler } from '#server/services/slaScheduler';
import { assignThread, setThreadStatus, setThreadTeam } from '#server/services/threadOps';
import { CHANNEL_KINDS, type ChannelKind } from '#shared/channels';
import { serviceDb } from '#tests/helpers/db';
import { prng } from '#tests/helpers/prng';
import { inbound, makeTeam } from '#tests/factories';

let t: ReturnType<typeof serviceDb>['t'];
let env: ReturnType<typeof serviceDb>['env'];
let admin: ReturnType<typeof serviceDb>['admin'];
let sla: SlaScheduler;
beforeEach(() => {
  ({ t, env, admin } = serviceDb());
  // Clocks short enough to cross often; a tick fires every crossing that is due (no time budget).
  createSlaPolicy(
    t.db,
    {
      name: 'board',
      match: {},
      firstResponseMs: 4 * 60_000,
      nextResponseMs: 6 * 60_000,
      resolutionMs: 60 * 60_000,
      businessHours: false,
    },
    env.clock.now,
  );
  sla = new SlaScheduler(env.deps, 60_000, Number.MAX_SAFE_INTEGER);
});
afterEach(() => {
  sla.stop();
  t.cleanup();
});

describe('floor board SLA tiles', () => {
  it('count at-risk and breached threads per team and channel as the SLA maths does, after random traffic', () => {
    const rand = prng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const teams = [makeTeam(t.db), makeTeam(t.db)];
    const channels: ChannelKind[] = ['email', 'telegram', 'sms'];
    const ids: number[] = [];
    for (let i = 0; i < 400; i++) {
      env.clock.now += Math.floor(rand() * 40_000);
      if (i % 20 === 0) sla.refreshAll();
      const r = rand();
      if (r < 0.45 || ids.length === 0) {
        const channel = pick(channels);
        const who = `${Math.floor(rand() * 120)}`;
        const address =
          channel === 'email' ? `c${who}@example.com` : channel === 'sms' ? `+4850010${who.padStart(4, '0')}` : who;
        const res = ingestInbound(env.deps, inbound(channel, address, `msg ${i}`));
        if (res.status === 'stored' && !ids.includes(res.threadId)) ids.push(res.threadId);
      } else if (r < 0.6) replyToThread(env.deps, admin, pick(ids), { text: `reply ${i}` });
      else if (r < 0.7) assignThread(env.deps, admin, pick(ids), admin.id);
      else if (r < 0.82) setThreadTeam(env.deps, admin, pick(ids), rand() < 0.2 ? null : pick(teams));
      else setThreadStatus(env.deps, admin, pick(ids), pick(['resolved', 'pending', 'open', 'open'] as const));
    }
    sla.refreshAll();

    // Every live thread's state from the SLA maths, now that every due crossing has fired.
    const live = t.db
      .select()
      .from(threads)
      .all()
      .filter((r) => r.status !== 'resolved' && r.mergedIntoThreadId === null);
    const state = new Map(live.map((r) => [r.id, threadSla(t.db, r, env.clock.now)?.state ?? 'ok']));
    const count = (rows: typeof live, s: string) => rows.filter((r) => state.get(r.id) === s).length;
    const seen = { slaAtRisk: 0, slaBreached: 0 };
    for (const team of [...teams, null]) {
      const mine = live.filter((r) => r.teamId === team);
      const board = readTeamBoard(t.db, team, env.clock.now);
      expect({ team, atRisk: board.queue.slaAtRisk, breached: board.queue.slaBreached }).toEqual({
        team,
        atRisk: count(mine, 'warning'),
        breached: count(mine, 'breached'),
      });
      seen.slaAtRisk += board.queue.slaAtRisk;
      seen.slaBreached += board.queue.slaBreached;
      for (const c of CHANNEL_KINDS) {
        const tile = board.channels.find((x) => x.channel === c);
        const inChannel = mine.filter((r) => r.lastInboundChannel === c);
        if (!tile) continue;
        expect({ c, atRisk: tile.slaAtRisk, breached: tile.slaBreached }).toEqual({
          c,
          atRisk: count(inChannel, 'warning'),
          breached: count(inChannel, 'breached'),
        });
      }
    }
    expect(seen.slaAtRisk).toBeGreaterThan(0);
    expect(seen.slaBreached).toBeGreaterThan(0);

    // The trigger-kept table equals a from-scratch recount.
    const sqlite = t.db.$client;
    const kept = sqlite.prepare('select * from board_sla order by 1, 2').all();
    recountBoardSla(sqlite);
    expect(sqlite.prepare('select * from board_sla order by 1, 2').all()).toEqual(kept);
  }, 60_000);
});
