import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { alertRules, slaAlerts, threads } from '#server/db/schema';
import { evaluateTeamAlerts, teamFigures } from '#server/services/teamAlerts';
import { AlertMonitor } from '#server/services/alertMonitor';
import { ingestInbound } from '#server/services/ingest';
import { roomsOf } from '#server/services/threadQueries';
import { transact } from '#server/services/tx';
import { inbound, makeTeam, routeNewThreadsTo } from '#tests/factories';
import { serviceDb } from '#tests/helpers/db';

let cleanup = () => {};
afterEach(() => cleanup());

/** A world with two teams and one waiting thread in each. */
function world() {
  const { t, env } = serviceDb();
  cleanup = t.cleanup;
  const teamA = makeTeam(t.db, { name: 'A' });
  const teamB = makeTeam(t.db, { name: 'B' });
  const threadIn = (team: number, address: string) => {
    routeNewThreadsTo(t.db, team);
    const r = ingestInbound(env.deps, inbound('sms', address, 'hello'));
    if (r.status !== 'stored') throw new Error('not stored');
    return t.db.select().from(threads).where(eq(threads.id, r.threadId)).get()!;
  };
  return { db: t.db, ...env, teamA, teamB, a: threadIn(teamA, '+48500000001'), b: threadIn(teamB, '+48500000002') };
}

describe('teamFigures', () => {
  it("counts the team's SLA breaches and sentiment drops of the last hour only", () => {
    const w = world();
    const now = w.clock.now;
    const breach = (row: typeof w.a, at: number, fraction: number, clock: number) =>
      w.db
        .insert(slaAlerts)
        .values({
          threadId: row.id,
          episodeId: row.currentEpisodeId!,
          kind: 'first_response',
          clockStartedAt: clock,
          fraction,
          dueAt: at,
          firedAt: at,
        })
        .run();
    breach(w.a, now - 10 * 60_000, 1, 1);
    breach(w.a, now - 5 * 60_000, 0.75, 2); // a warning, not a breach
    breach(w.a, now - 61 * 60_000, 1, 3); // older than an hour
    breach(w.b, now - 1_000, 1, 4); // another team
    const drop = (row: typeof w.a, at: number) => {
      w.clock.now = at;
      transact(w.deps, (_tx, emit) =>
        emit({ type: 'sentiment.alerted', threadId: row.id, score: -0.8, threshold: -0.5 }, roomsOf(row), row.id),
      );
    };
    drop(w.a, now - 70 * 60_000);
    drop(w.a, now - 20 * 60_000);
    drop(w.a, now - 1);
    drop(w.b, now - 1);
    w.clock.now = now;
    expect(teamFigures(w.db, w.teamA, now)).toEqual({
      waiting_count: 1,
      oldest_wait_minutes: 0,
      sla_breaches_hour: 1,
      negative_spike_hour: 2,
    });
  });

  it('fires a negative-sentiment spike once and clears it when the drops leave the hour', () => {
    const w = world();
    w.db.insert(alertRules).values({ teamId: w.teamA, kind: 'negative_spike_hour', threshold: 1, updatedAt: 0 }).run();
    const start = w.clock.now;
    for (let i = 0; i < 2; i++)
      transact(w.deps, (_tx, emit) =>
        emit({ type: 'sentiment.alerted', threadId: w.a.id, score: -0.9, threshold: -0.5 }, roomsOf(w.a), w.a.id),
      );
    expect(evaluateTeamAlerts(w.deps, w.teamA)).toBe(1);
    expect(evaluateTeamAlerts(w.deps, w.teamA)).toBe(0);
    expect(evaluateTeamAlerts(w.deps, w.teamB)).toBe(0);
    const fired = w.publisher.events.filter((e) => e.event.type === 'alert.fired');
    expect(fired).toHaveLength(1);
    expect(fired[0].rooms).toEqual([`board:team:${w.teamA}`, 'board:all']);
    w.clock.now = start + 61 * 60_000;
    expect(evaluateTeamAlerts(w.deps, w.teamA)).toBe(0);
    const cleared = w.db.$client.prepare('select cleared_at from alerts').pluck().all();
    expect(cleared).toEqual([w.clock.now]);
    const pushed = w.publisher.events.filter((e) => e.event.type === 'alert.cleared');
    expect(pushed.map((e) => e.rooms)).toEqual([[`board:team:${w.teamA}`, 'board:all']]);
    expect(evaluateTeamAlerts(w.deps, w.teamA)).toBe(0);
    expect(w.publisher.events.filter((e) => e.event.type === 'alert.cleared')).toHaveLength(1);
  });
});

describe('AlertMonitor', () => {
  it('sets no timer for events that arrive after stop', async () => {
    const w = world();
    w.db.insert(alertRules).values({ teamId: w.teamA, kind: 'waiting_count', threshold: 0, updatedAt: 0 }).run();
    const monitor = new AlertMonitor(w.deps, 3_600_000, 5);
    monitor.start();
    const fired = () => w.publisher.events.filter((e) => e.event.type === 'alert.fired').length;
    expect(fired()).toBe(1); // the start-up check: 1 waiting is above 0
    monitor.stop();
    w.db.$client.prepare('update alerts set cleared_at = 1').run(); // re-armed: the next evaluation would fire
    monitor.onEvents([{ event: w.publisher.events[0].event, rooms: [`team:${w.teamA}`] }]);
    await new Promise((r) => setTimeout(r, 40));
    expect(fired()).toBe(1);
  });
});
