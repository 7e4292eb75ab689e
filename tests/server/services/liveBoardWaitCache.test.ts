import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '#server/db/connection';
import { boardStatements } from '#server/db/boardStatements';
import { ingestInbound } from '#server/services/ingest';
import { readCombined } from '#server/services/liveBoard';
import { readTeamBoards } from '#server/services/liveBoardTeams';
import { replyToThread } from '#server/services/replies';
import { assignThread } from '#server/services/threadOps';
import { serviceDb } from '#tests/helpers/db';
import { inbound, makeTeam, routeNewThreadsTo } from '#tests/factories';

let t: ReturnType<typeof serviceDb>['t'];
let env: ReturnType<typeof serviceDb>['env'];
let admin: ReturnType<typeof serviceDb>['admin'];
beforeEach(() => ({ t, env, admin } = serviceDb()));
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

/** The oldest and median "waiting since" of a team counted thread by thread (through `db`). */
function counted(db: Db, teamId: number, channel?: string): { oldest: number | null; median: number | null } {
  const since = db.$client
    .prepare(
      `select waiting_since from threads where team_id = ? and status = 'open' and waiting_since is not null
       and merged_into_thread_id is null and (? is null or last_inbound_channel = ?) order by waiting_since`,
    )
    .pluck()
    .all(teamId, channel ?? null, channel ?? null) as number[];
  const n = since.length;
  if (n === 0) return { oldest: null, median: null };
  const median = n % 2 ? since[(n - 1) / 2] : Math.round((since[n / 2 - 1] + since[n / 2]) / 2);
  return { oldest: since[0], median };
}

/** The median "waiting since" of everyone waiting on these teams, counted thread by thread. */
function countedMedian(db: Db, teamIds: number[]): number | null {
  const since = teamIds
    .flatMap(
      (team) =>
        db.$client
          .prepare(
            `select waiting_since from threads where team_id = ? and status = 'open' and waiting_since is not null`,
          )
          .pluck()
          .all(team) as number[],
    )
    .sort((x, y) => x - y);
  const n = since.length;
  if (n === 0) return null;
  return n % 2 ? since[(n - 1) / 2] : Math.round((since[n / 2 - 1] + since[n / 2]) / 2);
}

/** A team's oldest and median wait as the board shows them, and each channel's. */
function shown(db: Db, teamId: number) {
  const [b] = readTeamBoards(db, [teamId], env.clock.now);
  return {
    oldest: b.queue.oldestWaitingSince,
    median: b.queue.medianWaitingSince,
    channels: Object.fromEntries(b.channels.map((c) => [c.channel, [c.oldestWaitingSince, c.medianWaitingSince]])),
  };
}

/** `n` new customers on `channel`, a minute apart, each waiting in the team new threads go to. */
function customers(n: number, channel: 'email' | 'telegram', from: number): number[] {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    env.clock.now += 60_000;
    const address = channel === 'email' ? `c${from + i}@example.com` : `${from + i}`;
    const res = ingestInbound(env.deps, inbound(channel, address, `hello ${i}`));
    if (res.status !== 'stored') throw new Error(`not stored: ${res.status}`);
    ids.push(res.threadId);
  }
  return ids;
}

/** Count the walks to a median and the oldest-wait reads the board makes, per team. */
function spyWalks(db: Db) {
  const s = boardStatements(db);
  const team = vi.spyOn(s.teamMiddle, 'all');
  const channel = vi.spyOn(s.channelMiddle, 'all');
  const oldest = vi.spyOn(s.oldestOf, 'all');
  const hours = vi.spyOn(s.waitHoursOf, 'all');
  return {
    teams: () => team.mock.calls.map(([at]) => (at as { team: number }).team),
    channels: () => channel.mock.calls.map(([at]) => (at as { channel: string }).channel),
    oldestReads: () => oldest.mock.calls.length,
    mergedReads: () => hours.mock.calls.length,
    clear: () => [team, channel, oldest, hours].forEach((m) => m.mockClear()),
  };
}

describe('the board keeps oldest and median waits per team and channel until who waits there changes', () => {
  it('reads a team again only when its wait version moved, and then shows the change', () => {
    const a = makeTeam(t.db);
    const b = makeTeam(t.db);
    routeNewThreadsTo(t.db, a);
    const inA = [...customers(4, 'email', 0), ...customers(3, 'telegram', 100)];
    routeNewThreadsTo(t.db, b);
    customers(3, 'email', 200);

    const walks = spyWalks(t.db);
    const firstA = shown(t.db, a);
    expect(firstA.median).toBe(counted(t.db, a).median);
    readTeamBoards(t.db, [a, b], env.clock.now);
    expect(walks.teams()).toEqual([a, b]); // b was never read before; a was, at the same version
    walks.clear();

    // Nothing changed: no walk, no seek, the same figures.
    expect(shown(t.db, a)).toEqual(firstA);
    readTeamBoards(t.db, [a, b], env.clock.now);
    expect(walks.teams()).toEqual([]);
    expect(walks.channels()).toEqual([]);
    expect(walks.oldestReads()).toBe(0);

    // An assignment changes no wait: still nothing read again.
    assignThread(env.deps, admin, inA[0], admin.id);
    readTeamBoards(t.db, [a, b], env.clock.now);
    expect(walks.teams()).toEqual([]);

    // The oldest customer of team a on email is answered: a's whole-team and email figures are read
    // again (one walk each), its telegram and team b's are not, and the board shows the new median.
    env.clock.now += 60_000;
    replyToThread(env.deps, admin, inA[0], { text: 'on it' });
    const after = shown(t.db, a);
    expect(walks.teams()).toEqual([a]);
    expect(walks.channels()).toEqual(['email']);
    expect(after.median).not.toBe(firstA.median);
    expect({ oldest: after.oldest, median: after.median }).toEqual(counted(t.db, a));
    expect(after.channels.email).toEqual(Object.values(counted(t.db, a, 'email')));
    expect(after.channels.telegram).toEqual(firstA.channels.telegram);
  });

  it('sees a change another connection to the same file made, and one no service made', () => {
    const a = makeTeam(t.db);
    routeNewThreadsTo(t.db, a);
    const ids = customers(5, 'email', 0);
    // A second connection (as a second process would have) with its own cache.
    const other = openDatabase(t.file);
    try {
      const before = shown(other, a);
      expect(before.median).toBe(counted(other, a).median);

      // The first connection answers the median customer, then a new one writes in.
      env.clock.now += 60_000;
      replyToThread(env.deps, admin, ids[2], { text: 'hi' });
      customers(1, 'email', 50);
      const seen = shown(other, a);
      expect(seen.median).not.toBe(before.median);
      expect({ oldest: seen.oldest, median: seen.median }).toEqual(counted(other, a));

      // A writer outside the services (a tool, another process) moves a wait: same count, new median.
      // Raw SQL on purpose: the triggers, not the code that writes, must keep the cache honest.
      other.$client.prepare('update threads set waiting_since = ? where id = ?').run(env.clock.now + 3_600_000, ids[3]);
      const moved = shown(t.db, a);
      expect({ oldest: moved.oldest, median: moved.median }).toEqual(counted(t.db, a));
      expect(moved.median).not.toBe(seen.median);
      expect(shown(other, a).median).toBe(moved.median);
    } finally {
      other.$client.close();
    }
  });

  it('keeps nothing read inside a transaction that rolls back', () => {
    const a = makeTeam(t.db);
    routeNewThreadsTo(t.db, a);
    const ids = customers(5, 'email', 0);
    const start = env.clock.now;
    shown(t.db, a);
    const move = t.db.$client.prepare('update threads set waiting_since = ? where id = ?');
    // Inside a transaction: the newest customer's wait moves to 10 h before the others (a new minute
    // and hour: the version moves), and the board reads it; then it rolls back.
    expect(() =>
      t.db.$client.transaction(() => {
        move.run(start - 10 * 3_600_000, ids[4]);
        expect(shown(t.db, a)).toMatchObject(counted(t.db, a));
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    // The same kind of move (a new minute and hour), committed, brings the version to the number the
    // rolled-back one had, with other figures: those are the ones shown.
    move.run(start + 10 * 3_600_000, ids[4]);
    const now = counted(t.db, a);
    expect(shown(t.db, a)).toMatchObject(now);
    expect(now.oldest).toBe(start - 4 * 60_000);
  });

  it('merges "All teams" again only when one of the teams changed', () => {
    const a = makeTeam(t.db);
    const b = makeTeam(t.db);
    routeNewThreadsTo(t.db, a);
    const inA = customers(3, 'email', 0);
    routeNewThreadsTo(t.db, b);
    customers(4, 'telegram', 100);
    const walks = spyWalks(t.db);
    const first = readCombined(t.db, [a, b]);
    expect(walks.mergedReads()).toBe(1);
    expect(readCombined(t.db, [a, b])).toEqual(first);
    expect(readCombined(t.db, [b, a]).medianWaitingSince).toBe(first.medianWaitingSince);
    expect(walks.mergedReads()).toBe(2); // [b, a] is another set: read once
    env.clock.now += 60_000;
    replyToThread(env.deps, admin, inA[0], { text: 'hi' });
    const after = readCombined(t.db, [a, b]);
    expect(walks.mergedReads()).toBe(3);
    expect(after.medianWaitingSince).not.toBe(first.medianWaitingSince);
    expect(after.medianWaitingSince).toBe(countedMedian(t.db, [a, b]));
  });
});

describe('"All teams" with one team that has waiters', () => {
  it("is that team's median, read by its board, until another team has waiters", () => {
    const a = makeTeam(t.db);
    const b = makeTeam(t.db);
    routeNewThreadsTo(t.db, a);
    const inA = customers(5, 'email', 0);
    const set = [a, b, null];
    const walks = spyWalks(t.db);
    // Nobody was read yet: the merged read, which also learns that b and "no team" have nobody waiting.
    expect(readCombined(t.db, set).medianWaitingSince).toBe(countedMedian(t.db, [a]));
    expect(walks.mergedReads()).toBe(1);

    // A sixth customer waits on a: its board reads a's median, and "All teams" takes it without a merged read.
    customers(1, 'email', 5);
    readTeamBoards(t.db, [a], env.clock.now);
    expect(readCombined(t.db, set).medianWaitingSince).toBe(countedMedian(t.db, [a]));
    expect(walks.mergedReads()).toBe(1);

    // Someone answered on a, unread by a's board since: its version moved, so the merged read again.
    env.clock.now += 60_000;
    replyToThread(env.deps, admin, inA[0], { text: 'hi' });
    expect(readCombined(t.db, set).medianWaitingSince).toBe(countedMedian(t.db, [a]));
    expect(walks.mergedReads()).toBe(2);

    // b gets waiters: two teams wait, the median is everyone's, merged.
    routeNewThreadsTo(t.db, b);
    customers(3, 'telegram', 100);
    readTeamBoards(t.db, [a, b], env.clock.now);
    const both = readCombined(t.db, set).medianWaitingSince;
    expect(walks.mergedReads()).toBe(3);
    expect(both).toBe(countedMedian(t.db, [a, b]));
    expect(both).not.toBe(countedMedian(t.db, [a]));
  });
});
