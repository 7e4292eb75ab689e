// What each rollup table adds up, written once as SQL over its fact table (alias rf, ef or sf): the
// same expressions fill the rollups at write time, rebuild them in the back-fill, and read the
// partial edge days of a report range from the raw facts — so the three can never disagree. What
// depends on other facts ("first handled", re-opened) is decided once, when the fact is written, and
// kept on the fact row (`flags`), so every read is a plain sum.
import { REOPEN_WINDOW_MS } from '#server/services/reports/samples';

/** A clock of the durations. */
export type Clock = 'calendar' | 'business';
/** The durations that have medians: first and next responses (reply facts) and resolutions. */
export type DurationKind = 'first' | 'next' | 'resolution';

/** A duration histogram: the facts and value it counts (rows of duration_rollups). */
export interface HistogramDef {
  kind: DurationKind;
  clock: Clock;
  value: string;
  where: string;
  /** The same facts, written so the value indexes (tables/metricFacts.ts) serve the exact medians. */
  indexWhere: string;
}

/** One fact table and the rollup table summing it. */
export interface RollupDef {
  rollup: 'reply_rollups' | 'episode_rollups' | 'survey_rollups';
  /** The fact table (aliased `alias` in `from`). */
  table: string;
  alias: string;
  /** FROM clause of the facts (with joins the key needs). */
  from: string;
  /** Key expressions over the facts: time (epoch ms), team, agent, channel (and kind for surveys). */
  at: string;
  /** The time column's name (for scope filters on raw facts). */
  atColumn: string;
  team: string;
  agent: string;
  channel: string;
  /** The channel's alias (for scope filters on raw facts). */
  channelAlias: string;
  extraKey: string[];
  /**
   * Fact column → expression over the other facts, decided when the fact is written (write.ts) and
   * stored on the row, so a sum reads the column instead of running the look-up per fact.
   */
  flags: Array<[string, string]>;
  /** Rollup column → aggregate over the facts. */
  sums: Array<[string, string]>;
  histograms: HistogramDef[];
}

const sum = (e: string) => `coalesce(sum(${e}), 0)`;
// "Earlier fact" of the same episode, in the order facts happen (time, then message id).
const earlier = (p: string) => `(${p}.at < rf.at or (${p}.at = rf.at and ${p}.message_id < rf.message_id))`;
const same = (p: string, a: string, col: string | null) => (col ? `and ${p}.${col} is ${a}.${col}` : '');
const GROUP_COLS = [
  ['agent', 'agent_id'],
  ['team', 'team_id'],
  ['all', null],
] as const;

/** First reply fact (either outcome) of the episode for this agent / team / at all. */
const firstReply = (col: string | null) =>
  `not exists (select 1 from reply_facts p indexed by reply_facts_episode_idx where p.episode_id = rf.episode_id ${same('p', 'rf', col)} and ${earlier('p')})`;
/** First handling of the episode (an accepted reply, or a resolution, whichever came first). */
const handledByReply = (col: string | null) =>
  `rf.outcome = 'accepted' and not exists (select 1 from reply_facts p indexed by reply_facts_episode_idx where p.episode_id = rf.episode_id ` +
  `and p.outcome = 'accepted' ${same('p', 'rf', col)} and ${earlier('p')}) and not exists (select 1 from ` +
  `episode_facts q where q.episode_id = rf.episode_id ${same('q', 'rf', col)} and q.resolved_at < rf.at)`;
const handledByResolution = (col: string | null) =>
  `not exists (select 1 from reply_facts p indexed by reply_facts_episode_idx where p.episode_id = ef.episode_id and p.outcome = 'accepted' ` +
  `${same('p', 'ef', col)} and p.at <= ef.resolved_at)`;

const timedNext = 'rf.waited_from is not null and not rf.is_first';
const FIRST = 'rf.waited_from is not null and rf.is_first = 1';
const NEXT = 'rf.waited_from is not null and rf.is_first = 0';
const lift = 'ef.sentiment_end - ef.sentiment_start';
const CLOCKS: Array<[Clock, string]> = [
  ['calendar', 'calendar_ms'],
  ['business', 'business_ms'],
];

/**
 * The key of a fact table's rollup: the fact's time column `atColumn`, team, agent and channel, all
 * on the fact row (aliased `alias`).
 */
const keyedBy = (rollup: RollupDef['rollup'], table: string, alias: string, atColumn: string) => ({
  rollup,
  table,
  alias,
  from: `${table} ${alias}`,
  at: `${alias}.${atColumn}`,
  atColumn,
  team: `${alias}.team_id`,
  agent: `${alias}.agent_id`,
  channel: `${alias}.channel`,
  channelAlias: alias,
  extraKey: [],
});

/** How many timed replies `when` selects, and their waits summed on each clock (`<name>_count`, `_cal`, `_bus`). */
const timedSums = (name: 'first' | 'next', when: string): Array<[string, string]> => [
  [`${name}_count`, sum(when)],
  [`${name}_cal`, sum(`case when ${when} then rf.calendar_ms end`)],
  [`${name}_bus`, sum(`case when ${when} then rf.business_ms end`)],
];

export const REPLY: RollupDef = {
  ...keyedBy('reply_rollups', 'reply_facts', 'rf', 'at'),
  flags: [
    ...GROUP_COLS.map(([g, col]): [string, string] => [`episodes_${g}`, firstReply(col)]),
    ...GROUP_COLS.map(([g, col]): [string, string] => [`handled_${g}`, handledByReply(col)]),
  ],
  sums: [
    ['accepted', sum(`rf.outcome = 'accepted'`)],
    ['failed', sum(`rf.outcome = 'failed'`)],
    ...timedSums('first', 'rf.is_first'),
    ...timedSums('next', timedNext),
    ...GROUP_COLS.map(([g]): [string, string] => [`episodes_${g}`, sum(`rf.episodes_${g}`)]),
    ...GROUP_COLS.map(([g]): [string, string] => [`handled_${g}`, sum(`rf.handled_${g}`)]),
  ],
  histograms: (
    [
      ['first', 'rf.is_first', FIRST],
      ['next', timedNext, NEXT],
    ] as const
  ).flatMap(([kind, where, indexWhere]) =>
    CLOCKS.map(([clock, column]) => ({ kind, clock, value: `rf.${column}`, where, indexWhere })),
  ),
};

/** Re-opened: the thread's next episode opened within the window after this resolution. */
export const REOPENED =
  `exists (select 1 from episodes e0 join episodes nx on nx.thread_id = e0.thread_id and nx.number = e0.number + 1 ` +
  `where e0.id = ef.episode_id and nx.opened_at <= ef.resolved_at + ${REOPEN_WINDOW_MS})`;

export const EPISODE: RollupDef = {
  ...keyedBy('episode_rollups', 'episode_facts', 'ef', 'resolved_at'),
  flags: [
    ['reopened', REOPENED],
    ...GROUP_COLS.map(([g, col]): [string, string] => [`handled_${g}`, handledByResolution(col)]),
  ],
  sums: [
    ['resolved', 'count(*)'],
    ['cal', sum('ef.calendar_ms')],
    ['bus', sum('ef.business_ms')],
    ['scored', 'count(ef.sentiment_end)'],
    ['sentiment_sum', sum('ef.sentiment_end')],
    ['turned', sum(`ef.sentiment_change = 'turned_around'`)],
    ['soured', sum(`ef.sentiment_change = 'soured'`)],
    ['breached', sum('ef.sla_breaches > 0')],
    ['warned', sum('ef.sla_warnings > 0')],
    ['lift_count', sum('ef.sentiment_start is not null and ef.sentiment_end is not null')],
    ['lift_sum', sum(lift)],
    // The thresholds of domain/reports/lift.ts (STEP 0.1, with its 1e-9 tolerance).
    ['improved', sum(`${lift} >= 0.1 - 1e-9`)],
    ['worsened', sum(`${lift} < 0.1 - 1e-9 and ${lift} <= -0.1 + 1e-9`)],
    ['reopened', sum('ef.reopened')],
    ...GROUP_COLS.map(([g]): [string, string] => [`handled_${g}`, sum(`ef.handled_${g}`)]),
  ],
  histograms: CLOCKS.map(([clock, column]) => ({
    kind: 'resolution',
    clock,
    value: `ef.${column}`,
    where: '1',
    indexWhere: '1',
  })),
};

export const SURVEY: RollupDef = {
  ...keyedBy('survey_rollups', 'survey_facts', 'sf', 'answered_at'),
  // The channel is the episode's (a survey answer has none of its own).
  from: 'survey_facts sf left join episode_facts ef on ef.episode_id = sf.episode_id',
  channel: 'ef.channel',
  channelAlias: 'ef',
  extraKey: ['sf.kind'],
  flags: [],
  sums: [
    ['answers', 'count(*)'],
    ['score_sum', sum('sf.score')],
    ['satisfied', sum('sf.score >= 4')],
    ['promoters', sum('sf.score >= 9')],
    ['detractors', sum('sf.score <= 6')],
  ],
  histograms: [],
};

export const ROLLUPS = [REPLY, EPISODE, SURVEY] as const;

/** The read of one survey kind (rollup rows and raw facts). */
export const surveyKind = (kind: 'csat' | 'nps') => ({ rollup: `kind = '${kind}'`, raw: `sf.kind = '${kind}'` });
