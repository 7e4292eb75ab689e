// Reads the metric facts of a scope once and sorts them into samples per agent, per team or in
// total. Every report figure and every drill-down is computed from these samples, so a figure and
// the conversations listed behind it cannot disagree.
import { sql } from 'drizzle-orm';
import type { Reader } from '#server/services/threadQueries';
import { scopeWhere, type ReportScope } from './scope';

/** One episode's contribution to a figure. */
export interface Sample {
  episodeId: number;
  threadId: number;
  /** When it happened (reply accepted, episode resolved, survey answered). */
  at: number;
  value: number;
}

/** Everything one agent or team contributed in a scope. */
export interface Samples {
  /** Episode id → sample with value 1 (the first fact seen for it). */
  handled: Map<number, Sample>;
  firstResponse: Sample[];
  nextResponse: Sample[];
  resolution: Sample[];
  /** One per resolved episode: 1 when the thread re-opened within 7 days, else 0. */
  reopen: Sample[];
  csat: Sample[];
  nps: Sample[];
  /** One per resolved episode with both confident marks: value end − start. */
  lift: Array<Sample & { start: number; end: number }>;
  /** One per review created in the range: its weighted score 0–100. */
  review: Sample[];
}

/** How samples are grouped. */
export type GroupBy = 'agent' | 'team' | 'all';

/** A re-open counts when the next episode of the thread opens within this time of the resolution. */
export const REOPEN_WINDOW_MS = 7 * 86_400_000;

function emptySamples(): Samples {
  return {
    handled: new Map(),
    firstResponse: [],
    nextResponse: [],
    resolution: [],
    reopen: [],
    csat: [],
    nps: [],
    lift: [],
    review: [],
  };
}

interface Row {
  a: number | null;
  t: number | null;
  e: number;
  th: number;
  at: number;
}

/** Read the facts of a scope into samples keyed by agent id, team id (null: no team) or 0 (total). */
export function collectSamples(r: Reader, s: ReportScope, by: GroupBy): Map<number | null, Samples> {
  const out = new Map<number | null, Samples>();
  const of = (row: Row) => {
    const key = by === 'agent' ? row.a : by === 'team' ? row.t : 0;
    if (by === 'agent' && key === null) return null;
    let x = out.get(key);
    if (!x) out.set(key, (x = emptySamples()));
    return x;
  };
  const ms = s.time === 'business' ? sql.raw('business_ms') : sql.raw('calendar_ms');
  const handled = (x: Samples, row: Row) => {
    if (!x.handled.has(row.e)) x.handled.set(row.e, { episodeId: row.e, threadId: row.th, at: row.at, value: 1 });
  };
  const base = (row: Row) => ({ episodeId: row.e, threadId: row.th, at: row.at });

  for (const row of r.all<Row & { f: number; w: number | null; v: number | null }>(sql`
    select rf.agent_id a, rf.team_id t, rf.episode_id e, ep.thread_id th, rf.at at, rf.is_first f,
      rf.waited_from w, rf.${ms} v
    from reply_facts rf join episodes ep on ep.id = rf.episode_id
    where rf.outcome = 'accepted' and ${scopeWhere(s, 'rf', 'at')}`)) {
    const x = of(row);
    if (!x) continue;
    handled(x, row);
    if (row.w === null || row.v === null) continue;
    (row.f ? x.firstResponse : x.nextResponse).push({ ...base(row), value: row.v });
  }

  for (const row of r.all<Row & { v: number; ss: number | null; se: number | null; re: number }>(sql`
    select ef.agent_id a, ef.team_id t, ef.episode_id e, ep.thread_id th, ef.resolved_at at, ef.${ms} v,
      ef.sentiment_start ss, ef.sentiment_end se,
      exists (select 1 from episodes n where n.thread_id = ep.thread_id and n.number = ep.number + 1
        and n.opened_at <= ef.resolved_at + ${REOPEN_WINDOW_MS}) re
    from episode_facts ef join episodes ep on ep.id = ef.episode_id
    where ${scopeWhere(s, 'ef', 'resolved_at')}`)) {
    const x = of(row);
    if (!x) continue;
    handled(x, row);
    x.resolution.push({ ...base(row), value: row.v });
    x.reopen.push({ ...base(row), value: row.re ? 1 : 0 });
    if (row.ss !== null && row.se !== null)
      x.lift.push({ ...base(row), value: row.se - row.ss, start: row.ss, end: row.se });
  }

  for (const row of r.all<Row & { k: 'csat' | 'nps'; v: number }>(sql`
    select sf.agent_id a, sf.team_id t, sf.episode_id e, ep.thread_id th, sf.answered_at at, sf.kind k, sf.score v
    from survey_facts sf join episodes ep on ep.id = sf.episode_id
      left join episode_facts ef on ef.episode_id = sf.episode_id
    where ${scopeWhere(s, 'sf', 'answered_at', 'ef')}`)) {
    const x = of(row);
    if (!x) continue;
    (row.k === 'csat' ? x.csat : x.nps).push({ ...base(row), value: row.v });
  }

  for (const row of r.all<Row & { v: number }>(sql`
    select rv.agent_id a, rv.team_id t, rv.episode_id e, rv.thread_id th, rv.created_at at, rv.score v
    from reviews rv left join episode_facts ef on ef.episode_id = rv.episode_id
    where ${scopeWhere(s, 'rv', 'created_at', 'ef')}`)) {
    of(row)?.review.push({ ...base(row), value: row.v });
  }
  return out;
}

/** Samples of nothing (an agent or team without facts in the scope). */
export function noSamples(): Samples {
  return emptySamples();
}
