// Writing the rollups: a fact adds itself to its day's row in the transaction that records it; the
// back-fill rebuilds every row from the facts with the very same expressions (definitions.ts).
import { sql } from 'drizzle-orm';
import type { Reader } from '#server/services/threadQueries';
import { BUCKETS, bucketSql } from './buckets';
import { EPISODE, REOPENED, REPLY, ROLLUPS, SURVEY, type HistogramDef, type RollupDef } from './definitions';

const DAY = 86_400_000;

/** Key expressions of a rollup row over the facts (NULL keys stored as 0 / ''). */
function keyExprs(d: RollupDef): string[] {
  return [
    `(${d.at}) / ${DAY}`,
    `coalesce(${d.team}, 0)`,
    `coalesce(${d.agent}, 0)`,
    `coalesce(${d.channel}, '')`,
    ...d.extraKey,
  ];
}
const KEY_COLS = ['day', 'team_id', 'agent_id', 'channel'];
/** The key of one rollup row (without a survey's kind). */
interface RowKey {
  day: number;
  team: number;
  agent: number;
  channel: string;
}
const keyAs = (d: RollupDef) =>
  keyExprs(d)
    .slice(0, 4)
    .map((e, i) => `${e} as ${['day', 'team', 'agent', 'channel'][i]}`)
    .join(', ');
const rowWhere = (k: RowKey) =>
  sql`day = ${k.day} and team_id = ${k.team} and agent_id = ${k.agent} and channel = ${k.channel}`;
const keyCols = (d: RollupDef) => [...KEY_COLS, ...d.extraKey.map(() => 'kind')];

/** Add the facts of `d` matching `where` (raw SQL over its alias) to their rollup rows. */
export function addFacts(r: Reader, d: RollupDef, where: string): void {
  const keys = keyExprs(d);
  const cols = keyCols(d);
  const sums = d.sums.map(([c]) => c);
  r.run(
    sql.raw(`insert into ${d.rollup} (${[...cols, ...sums].join(', ')})
      select ${[...keys, ...d.sums.map(([, e]) => e)].join(', ')} from ${d.from} where ${where}
      group by ${keys.map((_, i) => i + 1).join(', ')}
      on conflict (${cols.join(', ')}) do update set ${sums.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`),
  );
  for (const h of d.histograms) addDurations(r, d, h, where);
}

const H = Array.from({ length: BUCKETS }, (_, i) => `h${i}`);

/** Add the durations of the facts matching `where` to their day's histogram rows. */
function addDurations(r: Reader, d: RollupDef, h: HistogramDef, where: string): void {
  const keys = keyExprs(d).slice(0, 3);
  r.run(sql`insert into duration_rollups (day, team_id, agent_id, kind, clock, ${sql.raw(H.join(', '))})
    select day, team, agent, ${h.kind}, ${h.clock}, ${sql.raw(H.map((_, i) => `sum(b = ${i})`).join(', '))}
    from (select ${sql.raw(keys.map((k, i) => `${k} as ${['day', 'team', 'agent'][i]}`).join(', '))},
      ${bucketSql(sql.raw(h.value))} b from ${sql.raw(d.from)} where ${sql.raw(`(${where}) and (${h.where})`)})
    where 1 group by 1, 2, 3
    on conflict (kind, clock, day, team_id, agent_id) do update set ${sql.raw(H.map((c) => `${c} = ${c} + excluded.${c}`).join(', '))}`);
}

/** A reply fact just written: add it to its rollup row. */
export function rollUpReply(r: Reader, messageId: number): void {
  addFacts(r, REPLY, `rf.message_id = ${Math.trunc(messageId)}`);
}

/** An episode fact just written: add it to its rollup row. */
export function rollUpEpisode(r: Reader, episodeId: number): void {
  addFacts(r, EPISODE, `ef.episode_id = ${Math.trunc(episodeId)}`);
}

/** A survey fact just written: add it to its rollup row. */
export function rollUpSurvey(r: Reader, episodeId: number): void {
  addFacts(r, SURVEY, `sf.episode_id = ${Math.trunc(episodeId)}`);
}

/**
 * A thread's episode `number` just opened: when it re-opens the previous episode within the window,
 * count the re-open on the rollup row of that episode's resolution.
 */
export function rollUpReopen(r: Reader, threadId: number, number: number): void {
  const prev = r.get<RowKey>(
    sql.raw(`
    select ${keyAs(EPISODE)} from episode_facts ef join episodes e on e.id = ef.episode_id
    where e.thread_id = ${Math.trunc(threadId)} and e.number = ${Math.trunc(number) - 1} and ${REOPENED}`),
  );
  if (prev) r.run(sql`update episode_rollups set reopened = reopened + 1 where ${rowWhere(prev)}`);
}

/** Rebuild every rollup row from the facts (the back-fill, and the check the tests compare with). */
export function rebuildRollups(r: Reader): void {
  r.run(sql`delete from duration_rollups`);
  for (const d of ROLLUPS) {
    r.run(sql.raw(`delete from ${d.rollup}`));
    addFacts(r, d, '1');
  }
}
