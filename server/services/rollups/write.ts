// Writing the rollups: a fact adds itself to its day's row in the transaction that records it; the
// back-fill rebuilds every row from the facts with the very same expressions (definitions.ts).
import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type Database from 'better-sqlite3';
import { rootOf } from '#server/db/statements';
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

// Each fact adds itself with a few statements; they are built and prepared once per database and
// `where` shape (ids bound as parameters), not on every fact: re-preparing them made every reply,
// resolve and survey several times slower to record.
const dialect = new SQLiteSyncDialect();
const prepared = new WeakMap<Database.Database, Map<string, { stmt: Database.Statement; params: unknown[] }>>();

/** Run a statement built by `build` (once per database and `key`) with `args` bound after its own parameters. */
function runPrepared(r: Reader, key: string, build: () => SQL, args: unknown[]): void {
  const client = rootOf(r).$client;
  let byKey = prepared.get(client);
  if (!byKey) prepared.set(client, (byKey = new Map()));
  let e = byKey.get(key);
  if (!e) {
    const q = dialect.sqlToQuery(build());
    e = { stmt: client.prepare(q.sql), params: q.params };
    byKey.set(key, e);
  }
  e.stmt.run(...e.params, ...args);
}

/**
 * Add the facts of `d` matching `where` (raw SQL over its alias, with `?` for `args`) to their
 * rollup rows.
 */
export function addFacts(r: Reader, d: RollupDef, where: string, args: unknown[] = []): void {
  if (d.flags.length > 0) runPrepared(r, `flags|${d.rollup}|${where}`, () => flagsSql(d, where), args);
  runPrepared(r, `${d.rollup}|${where}`, () => sumsSql(d, where), args);
  for (const h of d.histograms)
    runPrepared(r, `duration|${d.rollup}|${h.kind}|${h.clock}|${where}`, () => durationsSql(d, h, where), args);
}

/** Decide the flags of the facts matching `where` (from the other facts, as they stand now). */
function flagsSql(d: RollupDef, where: string): SQL {
  return sql.raw(
    `update ${d.table} as ${d.alias} set ${d.flags.map(([c, e]) => `${c} = ${e}`).join(', ')} where ${where}`,
  );
}

function sumsSql(d: RollupDef, where: string): SQL {
  const keys = keyExprs(d);
  const cols = keyCols(d);
  const sums = d.sums.map(([c]) => c);
  return sql.raw(`insert into ${d.rollup} (${[...cols, ...sums].join(', ')})
      select ${[...keys, ...d.sums.map(([, e]) => e)].join(', ')} from ${d.from} where ${where}
      group by ${keys.map((_, i) => i + 1).join(', ')}
      on conflict (${cols.join(', ')}) do update set ${sums.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`);
}

const H = Array.from({ length: BUCKETS }, (_, i) => `h${i}`);

/** Adds the durations of the facts matching `where` to their day's histogram rows. */
function durationsSql(d: RollupDef, h: HistogramDef, where: string): SQL {
  const keys = keyExprs(d).slice(0, 3);
  return sql`insert into duration_rollups (day, team_id, agent_id, kind, clock, ${sql.raw(H.join(', '))})
    select day, team, agent, ${h.kind}, ${h.clock}, ${sql.raw(H.map((_, i) => `sum(b = ${i})`).join(', '))}
    from (select ${sql.raw(keys.map((k, i) => `${k} as ${['day', 'team', 'agent'][i]}`).join(', '))},
      ${bucketSql(sql.raw(h.value))} b from ${sql.raw(d.from)} where ${sql.raw(`(${where}) and (${h.where})`)})
    where 1 group by 1, 2, 3
    on conflict (kind, clock, day, team_id, agent_id) do update set ${sql.raw(H.map((c) => `${c} = ${c} + excluded.${c}`).join(', '))}`;
}

/** A reply fact just written: add it to its rollup row. */
export function rollUpReply(r: Reader, messageId: number): void {
  addFacts(r, REPLY, 'rf.message_id = ?', [messageId]);
}

/** An episode fact just written: add it to its rollup row. */
export function rollUpEpisode(r: Reader, episodeId: number): void {
  addFacts(r, EPISODE, 'ef.episode_id = ?', [episodeId]);
}

/** A survey fact just written: add it to its rollup row. */
export function rollUpSurvey(r: Reader, episodeId: number): void {
  addFacts(r, SURVEY, 'sf.episode_id = ?', [episodeId]);
}

/**
 * A thread's episode `number` just opened: when it re-opens the previous episode within the window,
 * count the re-open on the rollup row of that episode's resolution.
 */
export function rollUpReopen(r: Reader, threadId: number, number: number): void {
  const prev = r.get<RowKey & { episode: number }>(
    sql.raw(`
    select ${keyAs(EPISODE)}, ef.episode_id as episode from episode_facts ef join episodes e on e.id = ef.episode_id
    where e.thread_id = ${Math.trunc(threadId)} and e.number = ${Math.trunc(number) - 1} and ${REOPENED}`),
  );
  if (!prev) return;
  const flagged = r.run(sql`update episode_facts set reopened = 1 where episode_id = ${prev.episode} and reopened = 0`);
  if (flagged.changes > 0) r.run(sql`update episode_rollups set reopened = reopened + 1 where ${rowWhere(prev)}`);
}

/** Rebuild every rollup row from the facts (the back-fill, and the check the tests compare with). */
export function rebuildRollups(r: Reader): void {
  r.run(sql`delete from duration_rollups`);
  for (const d of ROLLUPS) {
    r.run(sql.raw(`delete from ${d.rollup}`));
    addFacts(r, d, '1');
  }
}
