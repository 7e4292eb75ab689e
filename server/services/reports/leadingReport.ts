// Leading indicators of a scope: expectations exceeded, returning customers, compliments.
import { sql, type SQL } from 'drizzle-orm';
import {
  expectationsExceeded,
  findCompliments,
  returningCustomers,
  summarizeReturns,
  type EpisodeMessage,
  type ReturnOutcome,
  type ThreadEpisode,
  type WaitPromise,
} from '#server/domain/reports/leading';
import { share } from '#server/domain/reports/stats';
import { listAgents } from '#server/services/agents';
import { ATTRIBUTION } from '#server/services/metricReports';
import type { Db } from '#server/db/connection';
import type { LeadingReport } from '#shared/schemas/reports';
import { scopeWhere, type ReportScope } from './scope';

/** Conditions on an episode (alias e) for a scope: opened in range, its team, opener's channel. */
function episodeWhere(s: ReportScope): SQL {
  const parts: SQL[] = [sql`e.opened_at >= ${s.from}`, sql`e.opened_at < ${s.to}`];
  if (s.teamIds !== null)
    parts.push(
      s.teamIds.length
        ? sql`e.team_id in (${sql.join(
            s.teamIds.map((t) => sql`${t}`),
            sql`, `,
          )})`
        : sql`0`,
    );
  if (s.channel)
    parts.push(sql`(select m.channel from messages m where m.episode_id = e.id and m.direction = 'inbound'
      order by m.sort_ts, m.id limit 1) = ${s.channel}`);
  if (s.agentId !== undefined) parts.push(sql`rf.agent_id = ${s.agentId}`);
  return sql.join(parts, sql` and `);
}

/**
 * Promises: episodes opened in the scope whose acknowledgement promised a wait, with the first
 * response's business-time wait (the promise is a business-time prediction). Owned by the first responder.
 */
function promises(db: Db, s: ReportScope): Array<WaitPromise & { agentId: number | null }> {
  return db
    .all<{ p: number; a: number | null; b: number | null }>(
      sql`
    select e.predicted_wait_ms p, rf.agent_id a, rf.business_ms b from episodes e
      left join reply_facts rf on rf.episode_id = e.id and rf.is_first = 1 and rf.outcome = 'accepted'
    where e.predicted_wait_ms is not null and ${episodeWhere(s)}`,
    )
    .map((r) => ({
      promisedMs: r.p,
      answeredMs: r.b,
      agentId: r.a,
    }));
}

/** Each customer with an episode resolved in the scope, and whether they came back within 30 days. */
function returns(db: Db, s: ReportScope): ReturnOutcome[] {
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
  const episodes: ThreadEpisode[] = rows.map((r) => ({
    episodeId: r.e,
    threadId: r.th,
    agentId: r.a,
    openedAt: r.o,
    resolvedAt: r.r,
    sentimentStart: r.ss,
    inScope: inScope.has(r.e),
  }));
  return returningCustomers(episodes, s.from, s.to);
}

/** Compliments in episodes resolved in the scope, with the number of those episodes. */
export function compliments(db: Db, s: ReportScope) {
  const resolved = db.all<{ n: number }>(
    sql`select count(*) n from episode_facts ef where ${scopeWhere(s, 'ef', 'resolved_at')}`,
  )[0].n;
  const candidates = db.all<{ e: number }>(sql`
    select distinct m.episode_id e from episode_facts ef join messages m on m.episode_id = ef.episode_id
    where ${scopeWhere({ ...s, agentId: undefined }, 'ef', 'resolved_at')}
      and m.direction = 'inbound' and m.sentiment_label = 'positive'`);
  const found: Array<{ messageId: number; agentId: number; episodeId: number }> = [];
  for (const { e } of candidates) {
    const msgs = db.all<Omit<EpisodeMessage, 'isAuto'> & { isAuto: number }>(sql`
      select id, direction, author_agent_id agentId, is_auto isAuto, text, sentiment_label sentimentLabel,
        sentiment_confidence sentimentConfidence
      from messages where episode_id = ${e} order by sort_ts, id`);
    for (const c of findCompliments(msgs.map((m) => ({ ...m, isAuto: Boolean(m.isAuto) }))))
      if (s.agentId === undefined || c.agentId === s.agentId) found.push({ ...c, episodeId: e });
  }
  return { found, resolved };
}

/** The leading indicators of a scope, in total and per agent. */
export function leadingReport(db: Db, s: ReportScope): LeadingReport {
  const p = promises(db, s);
  const r = returns(db, s).filter((o) => s.agentId === undefined || o.agentId === s.agentId);
  const c = compliments(db, s);
  const ids = new Set<number>();
  for (const x of [...p, ...r, ...c.found]) if (x.agentId !== null) ids.add(x.agentId);
  const items = listAgents(db, () => 'offline')
    .filter((a) => ids.has(a.id))
    .map((a) => ({
      agentId: a.id,
      name: a.name,
      expectations: expectationsExceeded(p.filter((x) => x.agentId === a.id)),
      returning: summarizeReturns(r.filter((x) => x.agentId === a.id)),
      compliments: { count: c.found.filter((x) => x.agentId === a.id).length },
    }));
  const complimented = new Set(c.found.map((x) => x.episodeId)).size;
  return {
    from: s.from,
    to: s.to,
    time: s.time,
    attribution: ATTRIBUTION,
    expectations: expectationsExceeded(p),
    returning: summarizeReturns(r),
    compliments: { count: c.found.length, episodes: complimented, share: share(complimented, c.resolved) },
    items,
  };
}
