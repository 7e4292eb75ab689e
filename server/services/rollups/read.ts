// Reading the rollups for a report range: whole UTC days from the rollup rows, the partial days at
// either edge from the raw facts with the same expressions, so sums and counts are exact to the
// millisecond of the range (docs/metrics.md, "Rollups").
import { sql, type SQL } from 'drizzle-orm';
import type { Reader } from '#server/services/threadQueries';
import { scopeWhere, type ReportScope } from '#server/services/reports/scope';
import { BUCKETS, bucketSql, emptyHistogram, type Histogram } from './buckets';
import type { HistogramDef, RollupDef } from './definitions';

const DAY = 86_400_000;

/** Whose figures: per agent, per team, or one total (key 0). Key 0 of agent or team: none. */
export type Group = 'agent' | 'team' | 'all';

/** What a range read covers: a range [from, to) and the scope's filters (its clock is not used here). */
export type RangeScope = Omit<ReportScope, 'time'>;

/** The range split into whole UTC days [fromDay, toDay) and the raw edges around them. */
export function splitRange(
  from: number,
  to: number,
): { days: [number, number] | null; edges: Array<[number, number]> } {
  const d0 = Math.ceil(from / DAY);
  const d1 = Math.floor(to / DAY);
  if (d0 >= d1) return { days: null, edges: from < to ? [[from, to]] : [] };
  const edges: Array<[number, number]> = [];
  if (from < d0 * DAY) edges.push([from, d0 * DAY]);
  if (d1 * DAY < to) edges.push([d1 * DAY, to]);
  return { days: [d0, d1], edges };
}

/** The scope's filters on rollup rows of days [d0, d1). */
function rollupWhere(s: RangeScope, [d0, d1]: [number, number]): SQL {
  const parts: SQL[] = [sql`day >= ${d0}`, sql`day < ${d1}`];
  if (s.teamIds !== null)
    parts.push(
      s.teamIds.length === 0
        ? sql`0`
        : sql`team_id in (${sql.join(
            s.teamIds.map((t) => sql`${t}`),
            sql`, `,
          )})`,
    );
  if (s.channel) parts.push(sql`channel = ${s.channel}`);
  if (s.agentId !== undefined) parts.push(sql`agent_id = ${s.agentId}`);
  return sql.join(parts, sql` and `);
}
const rollupGroup = (by: Group) => sql.raw(by === 'agent' ? 'agent_id' : by === 'team' ? 'team_id' : '0');
const factGroup = (d: RollupDef, by: Group) =>
  sql.raw(by === 'agent' ? `coalesce(${d.agent}, 0)` : by === 'team' ? `coalesce(${d.team}, 0)` : '0');
const rawWhere = (d: RollupDef, s: RangeScope, [from, to]: [number, number]) =>
  scopeWhere({ ...s, from, to, time: 'calendar' }, d.alias, d.atColumn, d.channelAlias);

/** Extra conditions of a read, on rollup rows and on the raw facts (a survey's kind). */
export interface Extra {
  rollup: string;
  raw: string;
}

/** Sums of rollup columns per group over a scope (groups without facts are absent). */
export function rangeSums<C extends string>(
  r: Reader,
  d: RollupDef,
  s: RangeScope,
  by: Group,
  cols: readonly C[],
  extra?: Extra,
): Map<number, Record<C, number>> {
  const out = new Map<number, Record<C, number>>();
  const add = (row: Record<string, number>) => {
    const g = Number(row.g);
    let m = out.get(g);
    if (!m) out.set(g, (m = Object.fromEntries(cols.map((c) => [c, 0])) as Record<C, number>));
    for (const c of cols) m[c] += Number(row[c] ?? 0);
  };
  const { days, edges } = splitRange(s.from, s.to);
  if (days)
    for (const row of r.all<Record<string, number>>(sql`
      select ${rollupGroup(by)} g, ${sql.raw(cols.map((c) => `sum(${c}) ${c}`).join(', '))}
      from ${sql.raw(d.rollup)} where ${rollupWhere(s, days)} ${sql.raw(extra ? `and ${extra.rollup}` : '')} group by 1`))
      add(row);
  const exprs = new Map(d.sums);
  for (const edge of edges)
    for (const row of r.all<Record<string, number>>(sql`
      select ${factGroup(d, by)} g, ${sql.raw(cols.map((c) => `${exprs.get(c)} ${c}`).join(', '))}
      from ${sql.raw(d.from)} where ${rawWhere(d, s, edge)} ${sql.raw(extra ? `and ${extra.raw}` : '')} group by 1`))
      add(row);
  return out;
}

const H = Array.from({ length: BUCKETS }, (_, i) => `sum(h${i}) h${i}`).join(', ');

/**
 * The histogram of one duration per group over a scope: whole days from duration_rollups, edges from
 * the raw facts. Its rows have no channel: a channel filter reads the whole range from the raw facts.
 */
export function rangeHistograms(
  r: Reader,
  d: RollupDef,
  h: HistogramDef,
  s: RangeScope,
  by: Group,
): Map<number, Histogram> {
  const out = new Map<number, Histogram>();
  const of = (g: number) => out.get(g) ?? out.set(g, emptyHistogram()).get(g)!;
  const { days, edges } = s.channel
    ? { days: null, edges: [[s.from, s.to] as [number, number]] }
    : splitRange(s.from, s.to);
  if (days)
    for (const row of r.all<Record<string, number>>(sql`
      select ${rollupGroup(by)} g, ${sql.raw(H)} from duration_rollups
      where kind = ${h.kind} and clock = ${h.clock} and ${rollupWhere(s, days)} group by 1`)) {
      const hist = of(row.g);
      for (let i = 0; i < BUCKETS; i++) hist[i] += row[`h${i}`];
    }
  for (const edge of edges)
    for (const row of r.all<{ g: number; b: number; n: number }>(sql`
      select ${factGroup(d, by)} g, ${bucketSql(sql.raw(h.value))} b, count(*) n from ${sql.raw(d.from)}
      where ${rawWhere(d, s, edge)} and (${sql.raw(h.where)}) group by 1, 2`))
      of(row.g)[row.b] += row.n;
  return out;
}
