import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { episodes, messages, threads } from '#server/db/schema';
import { activityOf } from '#server/db/mappers';
import { waitingAfterInbound } from '#server/domain/threadState';
import { createAgent, createTeam } from '#server/services/agents';
import { countThreads } from '#server/services/threadCounts';
import { refreshThreadDerived } from '#server/services/threadDerived';
import { listThreads } from '#server/services/threadReads';
import { LANGS } from '#scripts/bench/texts';
import { derive } from '#scripts/bench/workspace/derive';
import { buildPlan } from '#scripts/bench/workspace/plan';
import type { People } from '#scripts/bench/workspace/shape';
import { writeWorkspace } from '#scripts/bench/workspace/write';
import { tempDb } from '#tests/helpers/db';

/**
 * The bench writes its large workspace straight into the tables (ingest would take hours), so it
 * must leave exactly what the services would have: checked here against the app's own code.
 */
describe('bench workspace generator', () => {
  const t = tempDb();
  const anchor = Date.UTC(2026, 10, 23, 9, 0, 0);

  beforeAll(async () => {
    const now = anchor - 100 * 86_400_000;
    const teams = {} as People['teams'];
    for (const k of [...LANGS, 'esc'] as const) teams[k] = createTeam(t.db, { name: `T ${k}`, autoAssign: false }, now);
    const members = new Map<number, Array<{ id: number; name: string }>>();
    for (const [i, team] of Object.values(teams).entries()) {
      const input = { email: `a${i}@t.test`, name: `A ${i}`, role: 'agent' as const, password: 'password-123' };
      const id = await createAgent(t.db, { ...input, locale: 'en', capacity: 5, teamIds: [team] }, now);
      members.set(team, [{ id, name: input.name }]);
    }
    const people: People = { teams, members, logins: { lead: '', agent: '', supervisor: '' }, agentCount: 5 };
    const plan = buildPlan(60, 1_500, 200, people, anchor);
    // Foreign keys stay ON here (the generator turns them off for speed): any dangling id throws.
    writeWorkspace(t.db.$client, plan, derive(plan), people, () => {});
  });
  afterAll(() => t.cleanup());

  it('keeps every derived thread column the way the services recompute it', () => {
    const all = t.db.select().from(threads).orderBy(asc(threads.id)).all();
    expect(all).toHaveLength(60);
    for (const before of all) {
      const after = t.db.transaction((tx) => refreshThreadDerived(tx, before.id, before.updatedAt));
      // Every activity column but "waiting since", with channels in any order.
      const pick = (r: typeof before) => {
        const { waitingSince: _waiting, ...activity } = activityOf(r);
        return { ...activity, channels: [...r.channels].sort() };
      };
      expect(pick(before), `thread ${before.id}`).toEqual(pick(after));
    }
  });

  it('runs the waiting clock like ingest, replies and resolve do', () => {
    for (const th of t.db.select().from(threads).all()) {
      const rows = t.db
        .select()
        .from(messages)
        .where(eq(messages.threadId, th.id))
        .orderBy(asc(messages.sortTs), asc(messages.id))
        .all();
      let waiting: number | null = null;
      let lastReply: number | null = null;
      for (const m of rows) {
        if (m.direction === 'inbound') waiting = waitingAfterInbound(waiting, lastReply, m.sortTs);
        if (m.direction === 'outbound') [waiting, lastReply] = [null, m.sortTs];
        if (m.direction === 'system') waiting = null;
      }
      expect(th.waitingSince, `thread ${th.id}`).toBe(th.status === 'resolved' ? null : waiting);
    }
  });

  it('has one current episode per thread, resolved exactly when the thread says so', () => {
    for (const th of t.db.select().from(threads).all()) {
      const eps = t.db.select().from(episodes).where(eq(episodes.threadId, th.id)).orderBy(asc(episodes.number)).all();
      expect(eps.map((e) => e.number)).toEqual(eps.map((_, i) => i + 1));
      expect(th.currentEpisodeId).toBe(eps.at(-1)?.id);
      for (const e of eps.slice(0, -1)) expect(e.resolvedAt).not.toBeNull();
      expect(eps.at(-1)?.resolvedAt === null).toBe(th.status !== 'resolved');
    }
  });

  it('serves the inbox list and counts over the generated rows', () => {
    const viewer = { id: 1, role: 'agent' as const, teamIds: [1] };
    const page = listThreads(t.db, viewer, { status: 'open', assignee: 'any', sort: 'waiting', limit: 50 });
    const counts = countThreads(t.db, viewer);
    expect(page.items.length).toBe(Math.min(50, counts.statuses.open));
    expect(counts.statuses.open + counts.statuses.pending + counts.statuses.snoozed + counts.statuses.resolved).toBe(
      t.db
        .select()
        .from(threads)
        .all()
        .filter((r) => r.teamId === null || r.teamId === 1).length,
    );
  });
});
