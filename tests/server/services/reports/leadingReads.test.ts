// The leading indicators read only the rows that can matter (services/reports/leadingReport.ts). These
// references are the rules written the long way — every episode of every candidate thread, every
// candidate episode's messages walked in order — and must give the very same outcomes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '#server/db/connection';
import { findCompliments, returningCustomers, type EpisodeMessage } from '#server/domain/reports/leading';
import { seedDemoWorkspace } from '#server/services/demo/seed';
import { compliments, leadingSamples } from '#server/services/reports/leadingReport';
import { scopeWhere, type ReportScope } from '#server/services/reports/scope';
import { tempDb } from '#tests/helpers/db';

const t = tempDb();
const now = Date.UTC(2026, 5, 15, 12);
const DAY = 86_400_000;
beforeAll(() => seedDemoWorkspace(t.db, now), 60_000);
afterAll(() => t.cleanup());

function referenceReturns(db: Db, s: ReportScope) {
  const inScope = new Set(
    db
      .all<{ e: number }>(sql`select ef.episode_id e from episode_facts ef where ${scopeWhere(s, 'ef', 'resolved_at')}`)
      .map((r) => r.e),
  );
  const rows = db.all<{ e: number; th: number; a: number | null; o: number; r: number | null; ss: number | null }>(sql`
    select e.id e, e.thread_id th, ef.agent_id a, e.opened_at o, coalesce(ef.resolved_at, e.resolved_at) r, e.sentiment_start ss
    from episodes e left join episode_facts ef on ef.episode_id = e.id
    where e.thread_id in (select ep.thread_id from episode_facts ef2 join episodes ep on ep.id = ef2.episode_id
      where ${scopeWhere(s, 'ef2', 'resolved_at')})`);
  const eps = rows.map((r) => ({
    episodeId: r.e,
    threadId: r.th,
    agentId: r.a,
    openedAt: r.o,
    resolvedAt: r.r,
    sentimentStart: r.ss,
    inScope: inScope.has(r.e),
  }));
  return returningCustomers(eps, s.from, s.to).filter((o) => s.agentId === undefined || o.agentId === s.agentId);
}

function referenceCompliments(db: Db, s: ReportScope) {
  const candidates = db.all<{ e: number }>(sql`
    select distinct m.episode_id e from episode_facts ef join messages m on m.episode_id = ef.episode_id
    where ${scopeWhere({ ...s, agentId: undefined }, 'ef', 'resolved_at')} and m.direction = 'inbound'`);
  const found: Array<{ messageId: number; agentId: number }> = [];
  for (const { e } of candidates) {
    const msgs = db.all<Omit<EpisodeMessage, 'isAuto'> & { isAuto: number }>(sql`
      select id, direction, author_agent_id agentId, is_auto isAuto, text, sentiment_label sentimentLabel,
        sentiment_confidence sentimentConfidence from messages where episode_id = ${e} order by sort_ts, id`);
    found.push(...findCompliments(msgs.map((m) => ({ ...m, isAuto: Boolean(m.isAuto) }))));
  }
  return found.filter((c) => s.agentId === undefined || c.agentId === s.agentId);
}

const byId = <T extends { messageId?: number; episodeId?: number }>(xs: T[]) =>
  [...xs].sort((a, b) => (a.messageId ?? a.episodeId!) - (b.messageId ?? b.episodeId!));

const scopes = (): Array<[string, ReportScope]> => [
  ['30 days', { from: now - 30 * DAY, to: now, teamIds: null, time: 'calendar' }],
  [
    'a ragged fortnight',
    { from: now - 20 * DAY + 3_600_123, to: now - 6 * DAY - 7_777, teamIds: null, time: 'calendar' },
  ],
  ['one agent', { from: now - 45 * DAY, to: now, teamIds: null, agentId: 3, time: 'calendar' }],
  ['one team, webchat', { from: now - 45 * DAY, to: now, teamIds: [1], channel: 'webchat', time: 'calendar' }],
];

it('returning customers and compliments equal the rules read the long way', () => {
  let returns = 0;
  let found = 0;
  for (const [name, s] of scopes()) {
    const ref = referenceReturns(t.db, s);
    const got = leadingSamples(t.db, s, 'returning');
    expect(byId(got.map((x) => ({ episodeId: x.episodeId, value: x.value }))), name).toEqual(
      byId(ref.map((o) => ({ episodeId: o.episodeId, value: o.returned ? 1 : 0 }))),
    );
    const c = compliments(t.db, s).found.map((x) => ({ messageId: x.messageId, agentId: x.agentId }));
    expect(byId(c), name).toEqual(byId(referenceCompliments(t.db, s)));
    returns += ref.length;
    found += c.length;
  }
  expect(returns).toBeGreaterThan(20);
  expect(found).toBeGreaterThan(20);
});
