import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { episodeFacts, replyFacts, settings, surveyFacts } from '#server/db/schema';
import { backfillMetricFacts } from '#server/services/metricBackfill';
import { rebuildRollups } from '#server/services/rollups/write';
import { loadHandCount, playHandCount } from '#tests/server/services/metrics/handCountWorld';

// The rollups written fact by fact, in the transactions of the hand-counted scenario (replies, a
// refused send, resolves, a re-open, a team change between episodes, surveys), equal a rebuild of
// every row from the raw facts.
const fx = loadHandCount();
let world: Awaited<ReturnType<typeof playHandCount>>;
beforeAll(async () => {
  world = await playHandCount(fx);
}, 60_000);
afterAll(() => world?.close());

type Row = Record<string, unknown>;
const TABLES = ['reply_rollups', 'episode_rollups', 'survey_rollups', 'duration_rollups'] as const;
const ORDER: Record<(typeof TABLES)[number], string> = {
  reply_rollups: 'day, team_id, agent_id, channel',
  episode_rollups: 'day, team_id, agent_id, channel',
  survey_rollups: 'day, team_id, agent_id, channel, kind',
  duration_rollups: 'kind, clock, day, team_id, agent_id',
};
const FLAGS = {
  reply_facts: 'message_id, episodes_agent, episodes_team, episodes_all, handled_agent, handled_team, handled_all',
  episode_facts: 'episode_id, handled_agent, handled_team, handled_all, reopened',
};
/** Every rollup row, in key order, and the flags each fact row keeps (decided when it was written). */
function snapshot(): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const t of TABLES) out[t] = world.db.all<Row>(sql.raw(`select * from ${t} order by ${ORDER[t]}`));
  for (const [t, cols] of Object.entries(FLAGS))
    out[t] = world.db.all<Row>(sql.raw(`select ${cols} from ${t} order by 1`));
  return out;
}
const total = (rows: Row[], col: string) => rows.reduce((s, r) => s + Number(r[col]), 0);

describe('metric rollups', () => {
  it('written with each fact, they equal a rebuild from the raw facts', () => {
    const live = snapshot();
    const n = (table: string) => world.db.get<{ n: number }>(sql.raw(`select count(*) n from ${table}`))!.n;
    // The scenario's facts are all in there: every reply fact, resolution and survey answer counted once.
    expect(total(live.reply_rollups, 'accepted') + total(live.reply_rollups, 'failed')).toBe(n('reply_facts'));
    expect(total(live.reply_rollups, 'failed')).toBeGreaterThan(0);
    expect(total(live.episode_rollups, 'resolved')).toBe(n('episode_facts'));
    expect(total(live.episode_rollups, 'reopened')).toBeGreaterThan(0);
    expect(total(live.survey_rollups, 'answers')).toBe(n('survey_facts'));
    expect(new Set(live.reply_rollups.map((r) => r.team_id)).size).toBeGreaterThan(1);
    // Each timed reply and each resolution is in one bucket of its histogram, once per clock.
    const buckets = (kind: string) =>
      live.duration_rollups
        .filter((r) => r.kind === kind && r.clock === 'business')
        .reduce((s, r) => s + Object.entries(r).reduce((a, [k, v]) => a + (/^h\d+$/.test(k) ? Number(v) : 0), 0), 0);
    expect(buckets('first')).toBe(total(live.reply_rollups, 'first_count'));
    expect(buckets('next')).toBe(total(live.reply_rollups, 'next_count'));
    expect(buckets('resolution')).toBe(n('episode_facts'));
    // The rollups' "first handled" and re-open counts are the sums of the flags kept on the facts.
    for (const c of ['episodes_agent', 'episodes_team', 'episodes_all', 'handled_agent', 'handled_team', 'handled_all'])
      expect(total(live.reply_facts, c), c).toBe(total(live.reply_rollups, c));
    for (const c of ['handled_agent', 'handled_team', 'handled_all', 'reopened'])
      expect(total(live.episode_facts, c), c).toBe(total(live.episode_rollups, c));
    expect(total(live.reply_facts, 'handled_all') + total(live.episode_facts, 'handled_all')).toBeGreaterThan(0);
    world.db.transaction((tx) => rebuildRollups(tx));
    expect(snapshot()).toEqual(live);
  });

  it('are rebuilt by the back-fill of facts, and once on a database that has facts but no rollups', () => {
    const live = snapshot();
    world.db.delete(replyFacts).run();
    world.db.delete(episodeFacts).run();
    world.db.delete(surveyFacts).run();
    world.db
      .delete(settings)
      .where(sql`${settings.key} = 'metricFactsBackfilled'`)
      .run();
    backfillMetricFacts(world.db);
    // Back-filled replies count from the moment they were written; the rollups follow the facts exactly.
    const rebuilt = snapshot();
    world.db.transaction((tx) => rebuildRollups(tx));
    expect(snapshot()).toEqual(rebuilt);
    expect(total(rebuilt.episode_rollups, 'resolved')).toBe(total(live.episode_rollups, 'resolved'));
    for (const t of TABLES) world.db.run(sql.raw(`delete from ${t}`));
    backfillMetricFacts(world.db); // rollups already built: nothing to do
    expect(total(snapshot().reply_rollups, 'accepted')).toBe(0);
    world.db
      .delete(settings)
      .where(sql`${settings.key} = 'metricRollupsBuiltWithFlags'`)
      .run();
    backfillMetricFacts(world.db);
    expect(snapshot()).toEqual(rebuilt);
  });
});
