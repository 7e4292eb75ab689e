import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recountBoardCounters } from '#server/db/boardCounters';
import { ingestInbound, type InboundAnalysis } from '#server/services/ingest';
import { replyToThread } from '#server/services/replies';
import { readBoardAgents, readCombined, readTeamBoard, type BoardPresence } from '#server/services/liveBoard';
import { readTeamBoards } from '#server/services/liveBoardTeams';
import { assignThread, setThreadStatus, setThreadTeam } from '#server/services/threadOps';
import { CHANNEL_KINDS, type ChannelKind } from '#shared/channels';
import { lastHour } from '#shared/liveBoard';
import type { QueueTile } from '#shared/schemas/liveBoard';
import { serviceDb } from '#tests/helpers/db';
import { prng } from '#tests/helpers/prng';
import { inbound, makeAgent, makeTeam } from '#tests/factories';

let t: ReturnType<typeof serviceDb>['t'];
let env: ReturnType<typeof serviceDb>['env'];
let admin: ReturnType<typeof serviceDb>['admin'];
beforeEach(() => ({ t, env, admin } = serviceDb()));
afterEach(() => t.cleanup());

const nobody: BoardPresence = { of: () => 'offline', sinceOf: () => null };

interface Row {
  team_id: number | null;
  assignee_id: number | null;
  status: string;
  waiting_since: number | null;
  last_inbound_channel: string | null;
  last_sentiment_label: string | null;
}

/** The board recomputed from scratch: every live thread read and counted in JavaScript. */
function naiveQueue(rows: Row[]): QueueTile {
  const waiting = rows.filter((r) => r.status === 'open' && r.waiting_since !== null);
  const since = waiting.map((r) => r.waiting_since as number).sort((a, b) => a - b);
  const n = since.length;
  const median = n === 0 ? null : n % 2 ? since[(n - 1) / 2] : Math.round((since[n / 2 - 1] + since[n / 2]) / 2);
  return {
    waiting: n,
    unassigned: rows.filter((r) => r.status === 'open' && r.assignee_id === null).length,
    open: rows.filter((r) => r.status === 'open').length,
    pending: rows.filter((r) => r.status === 'pending').length,
    snoozed: rows.filter((r) => r.status === 'snoozed').length,
    oldestWaitingSince: n === 0 ? null : since[0],
    medianWaitingSince: median,
    // No SLA policy in this run (liveBoard.sla.test.ts checks the SLA tiles against the SLA maths).
    slaAtRisk: 0,
    slaBreached: 0,
  };
}

describe('floor board counters', () => {
  it('equal a from-scratch recomputation after 5,000 random ingests, replies, assigns, team moves and resolves', () => {
    const rand = prng(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const teams = [makeTeam(t.db), makeTeam(t.db), makeTeam(t.db)];
    const agents = [admin.id, ...[1, 2, 3, 4].map(() => makeAgent(t.db, { role: 'agent' }).id)];
    const channels: ChannelKind[] = ['email', 'telegram', 'sms', 'api', 'line'];
    const labels: InboundAnalysis['label'][] = ['negative', 'neutral', 'positive'];
    const threadIds: number[] = [];
    const counts = { ingest: 0, reply: 0, assign: 0, team: 0, status: 0 };
    const sets = [[...teams, null], [teams[0], teams[2]], [teams[1], null], [teams[1]]];
    for (let i = 0; i < 5_000; i++) {
      env.clock.now += Math.floor(rand() * 20_000);
      // Read the board now and then, as a board open during the traffic would: its wait figures are
      // kept per team and channel until a version moves, and must never be stale at the end.
      if (rand() < 0.01) {
        readTeamBoards(t.db, [...teams, null], env.clock.now);
        readCombined(t.db, pick(sets));
      }
      const r = rand();
      if (r < 0.4 || threadIds.length === 0) {
        const channel = pick(channels);
        const who = `${Math.floor(rand() * 400)}`;
        const address =
          channel === 'email' ? `c${who}@example.com` : channel === 'sms' ? `+4850010${who.padStart(4, '0')}` : who;
        const label = pick(labels);
        const res = ingestInbound(env.deps, inbound(channel, address, `msg ${i}`), {
          analyze: () => ({ score: label === 'negative' ? -0.8 : 0.1, label, language: 'en', confidence: 0.9 }),
        });
        if (res.status === 'stored' && !threadIds.includes(res.threadId)) threadIds.push(res.threadId);
        counts.ingest++;
      } else if (r < 0.6) {
        replyToThread(env.deps, admin, pick(threadIds), { text: `reply ${i}` });
        counts.reply++;
      } else if (r < 0.75) {
        assignThread(env.deps, admin, pick(threadIds), rand() < 0.2 ? null : pick(agents));
        counts.assign++;
      } else if (r < 0.85) {
        setThreadTeam(env.deps, admin, pick(threadIds), rand() < 0.15 ? null : pick(teams));
        counts.team++;
      } else {
        setThreadStatus(env.deps, admin, pick(threadIds), pick(['resolved', 'resolved', 'pending', 'open'] as const));
        counts.status++;
      }
    }
    expect(Math.min(...Object.values(counts))).toBeGreaterThan(400);

    const sqlite = t.db.$client;
    const tables = () => ({
      board: sqlite.prepare('select * from board_tallies where n <> 0 order by 1, 2, 3, 4, 5').all(),
      agents: sqlite.prepare('select * from agent_tallies where n <> 0 order by 1, 2, 3, 4').all(),
      minutes: sqlite
        .prepare('select * from board_minutes where arrivals <> 0 or resolutions <> 0 order by 1, 2')
        .all(),
      sla: sqlite.prepare('select * from board_sla order by 1, 2').all(),
      waits: sqlite.prepare('select * from board_waits order by 1, 2, 3, 4').all(),
    });
    // The board read from the counters equals the board counted thread by thread.
    const rows = sqlite.prepare('select * from threads where merged_into_thread_id is null').all() as Row[];
    let waitingSeen = 0;
    for (const team of [...teams, null]) {
      const mine = rows.filter((r) => r.team_id === team);
      const board = readTeamBoard(t.db, team, env.clock.now);
      expect(board.queue).toEqual(naiveQueue(mine));
      waitingSeen += board.queue.waiting;
      for (const c of CHANNEL_KINDS) {
        const inChannel = mine.filter((r) => r.last_inbound_channel === c);
        const tile = board.channels.find((x) => x.channel === c);
        const live = inChannel.filter((r) => r.status !== 'resolved').length;
        if (live === 0) expect(tile).toBeUndefined();
        else expect(tile).toEqual({ channel: c, ...naiveQueue(inChannel) });
      }
      const eps = sqlite.prepare('select opened_at, resolved_at from episodes where team_id is ?').all(team) as Array<{
        opened_at: number;
        resolved_at: number | null;
      }>;
      const from = (Math.floor(env.clock.now / 60_000) - 59) * 60_000;
      expect(lastHour(board.minutes, env.clock.now)).toEqual({
        arrivals: eps.filter((e) => e.opened_at >= from).length,
        resolutions: eps.filter((e) => e.resolved_at !== null && e.resolved_at >= from).length,
      });
    }
    expect(waitingSeen).toBeGreaterThan(0);

    // "All teams": the median of everyone waiting on a set of teams, merged, not a mean of medians.
    for (const set of sets) {
      const mine = rows.filter((r) => set.includes(r.team_id));
      const combined = readCombined(t.db, set);
      expect(combined).toEqual({ teamIds: set, medianWaitingSince: naiveQueue(mine).medianWaitingSince });
    }

    for (const a of readBoardAgents(t.db, agents, nobody, env.clock.now)) {
      const held = rows.filter((r) => r.assignee_id === a.id && r.status !== 'resolved');
      const waiting = held.filter((r) => r.status === 'open' && r.waiting_since !== null);
      expect(a).toMatchObject({
        load: held.filter((r) => r.status === 'open').length,
        pending: held.filter((r) => r.status === 'pending').length,
        waiting: waiting.length,
        negative: held.filter((r) => r.last_sentiment_label === 'negative').length,
        oldestWaitingSince: waiting.length ? Math.min(...waiting.map((r) => r.waiting_since as number)) : null,
      });
    }

    // The counters the triggers kept equal a recount from the rows (after the board was read from
    // them: a recount rewrites board_waits, which moves every wait version).
    const kept = tables();
    expect(kept.board.length).toBeGreaterThan(10);
    // The wait histogram spans many hours and minutes, and keeps no empty rows.
    expect(new Set(kept.waits.map((w) => (w as { level: number; bucket: number }).bucket)).size).toBeGreaterThan(100);
    expect(kept.waits.every((w) => (w as { n: number }).n > 0)).toBe(true);
    recountBoardCounters(sqlite);
    expect(tables()).toEqual(kept);
  }, 120_000);
});
