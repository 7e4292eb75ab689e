// The review queue: resolved conversations nobody has reviewed yet, sampled for a lead or supervisor
// by what makes them worth a look (docs/reports.md, "Review queue"). Read from the metric facts, so
// the queue, the reports and the per-thread metrics describe the same episodes.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/connection';
import type { Viewer } from '#server/domain/access';
import { NEGATIVE_AT } from '#server/domain/sentiment/analyzeSentiment';
import type { ReviewQueueItem, ReviewQueueQuery, ReviewQueueReason } from '#shared/schemas/reviews';
import { scopeFor, scopeWhere } from '#server/services/reports/scope';

/** CSAT answers at or below this (1–5) and NPS answers at or below this (0–10) are low. */
export const LOW_CSAT = 2;
export const LOW_NPS = 6;

/** Which episodes each reason takes and in what order (the worst first). */
const REASONS: Record<ReviewQueueReason, { where: SQL; order: SQL }> = {
  random: { where: sql`1`, order: sql`random()` },
  lowCsat: {
    where: sql`((sf.kind = 'csat' and sf.score <= ${LOW_CSAT}) or (sf.kind = 'nps' and sf.score <= ${LOW_NPS}))`,
    order: sql`case sf.kind when 'csat' then (sf.score - 1) / 4.0 else sf.score / 10.0 end, ef.resolved_at desc`,
  },
  negativeEnd: {
    where: sql`ef.sentiment_end <= ${NEGATIVE_AT}`,
    order: sql`ef.sentiment_end, ef.resolved_at desc`,
  },
  slaBreached: { where: sql`ef.sla_breaches > 0`, order: sql`ef.sla_breaches desc, ef.resolved_at desc` },
  longResolution: { where: sql`1`, order: sql`ef.calendar_ms desc, ef.resolved_at desc` },
};

interface Row {
  e: number;
  th: number;
  customer: string;
  a: number | null;
  agentName: string | null;
  t: number | null;
  at: number;
  ms: number;
  se: number | null;
  br: number;
  kind: 'csat' | 'nps' | null;
  score: number | null;
}

/**
 * Up to `limit` resolved episodes in the viewer's scope (leads: their teams; supervisors and admins:
 * every team) that have no review yet and match the reason. Agents never reach this (the route is
 * for leads and above); a lead asking for another team gets a 403 from the report scope.
 */
export function reviewQueue(db: Db, viewer: Viewer, q: ReviewQueueQuery, now: number): ReviewQueueItem[] {
  const scope = scopeFor(viewer, { ...q, time: 'calendar', min: 1, periods: 1 }, now);
  const reason = REASONS[q.reason];
  const rows = db.all<Row>(sql`
    select pick.*, ep.thread_id th, coalesce(c.name, '') customer, ag.name agentName
    from (
      select ef.episode_id e, ef.agent_id a, ef.team_id t, ef.resolved_at at, ef.calendar_ms ms,
        ef.sentiment_end se, ef.sla_breaches br, sf.kind kind, sf.score score,
        row_number() over (order by ${reason.order}) rk
      from episode_facts ef left join survey_facts sf on sf.episode_id = ef.episode_id
      where ${scopeWhere(scope, 'ef', 'resolved_at')} and ${reason.where}
        and not exists (select 1 from reviews rv where rv.episode_id = ef.episode_id)
      order by rk
      limit ${q.limit}
    ) pick
    join episodes ep on ep.id = pick.e
    join threads th on th.id = ep.thread_id
    left join customers c on c.id = th.customer_id
    left join agents ag on ag.id = pick.a
    order by pick.rk`);
  return rows.map((r) => ({
    episodeId: r.e,
    threadId: r.th,
    customerName: r.customer,
    agentId: r.a,
    agentName: r.agentName,
    teamId: r.t,
    resolvedAt: r.at,
    resolutionMs: r.ms,
    csat: r.kind === 'csat' ? r.score : null,
    nps: r.kind === 'nps' ? r.score : null,
    sentimentEnd: r.se,
    slaBreaches: r.br,
  }));
}
