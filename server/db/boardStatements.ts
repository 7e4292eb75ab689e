import type Database from 'better-sqlite3';
import type { BoardSlaRow, BoardTallyRow } from '#server/domain/liveBoard';
import type { Role } from '#shared/schemas/common';
import { BOARD_WAITING } from './sortKeys';
import { preparedPerDb } from './statements';

/** One agent's board row as read (raw): id, name, role, capacity, teams (comma-separated), load, pending, waiting, negative, oldest wait. */
export type AgentRow = [number, string, Role, number, string | null, number, number, number, number, number | null];

// The floor board's reads: tallies and wait histograms (small tables the triggers keep) and seeks
// on the partial "waiting" indexes of migration 0010. `team_id is :team` matches null for "no team".
const W = BOARD_WAITING.replaceAll('"', '');
/** The same condition on threads aliased `t`. */
const T = BOARD_WAITING.replace(/"(\w+)"/g, 't.$1');

function prepare(sqlite: Database.Database) {
  return {
    // Several teams at once (keys: JSON [team_key, …], 0 = no team): a statement per kind of row,
    // not per team, so a supervisor's board of every team costs a few statements.
    tallies: sqlite.prepare<{ keys: string }, BoardTallyRow & { teamKey: number }>(
      `select team_key as teamKey, channel, status, unassigned, waiting, n from board_tallies
       where team_key in (select value from json_each(:keys)) and status <> 'resolved' and n <> 0`,
    ),
    /** Per thread of the teams with a running SLA clock past 75 %: its team, channel and worst fraction (an index range, no thread read). */
    sla: sqlite.prepare<{ keys: string }, BoardSlaRow & { teamKey: number }>(
      `select team_key as teamKey, channel, max(fraction) as fraction from board_sla indexed by board_sla_team_idx
       where team_key in (select value from json_each(:keys)) group by team_key, thread_id`,
    ),
    minutes: sqlite.prepare<
      { keys: string; from: number },
      { teamKey: number; minute: number; arrivals: number; resolutions: number }
    >(
      `select team_key as teamKey, minute, arrivals, resolutions from board_minutes
       where team_key in (select value from json_each(:keys)) and minute >= :from
       and (arrivals <> 0 or resolutions <> 0) order by team_key, minute`,
    ),
    teamsIn: sqlite.prepare<{ ids: string }, { id: number; name: string; businessHours: string | null }>(
      `select id, name, business_hours as businessHours from teams where id in (select value from json_each(:ids))`,
    ),
    /**
     * The wait versions of every key of the teams (board_wait_versions, bumped by triggers whenever
     * who waits on a key changes): [team_key, channel, v].
     */
    waitVersions: sqlite
      .prepare<{ keys: string }, [number, string, number]>(
        `select team_key, channel, v from board_wait_versions where team_key in (select value from json_each(:keys))`,
      )
      .raw(),
    /** The same, of the whole teams only (channel '*'). */
    teamWaitVersions: sqlite
      .prepare<{ keys: string }, [number, string, number]>(
        `select team_key, channel, v from board_wait_versions
         where team_key in (select value from json_each(:keys)) and channel = '*'`,
      )
      .raw(),
    /**
     * The oldest "waiting since" of each of [[team_key, channel], …] ('*' = the whole team): [i, oldest],
     * a seek on a waiting index each.
     */
    oldestOf: sqlite
      .prepare<{ keys: string }, [number, number | null]>(
        `with j as materialized (
           select key as i, nullif(value ->> 0, 0) as team, value ->> 1 as channel from json_each(:keys))
         select i, case channel when '*'
           then (select min(waiting_since) from threads indexed by threads_board_team_wait_idx where team_id is j.team and ${W})
           else (select min(waiting_since) from threads indexed by threads_board_channel_wait_idx
             where team_id is j.team and last_inbound_channel = j.channel and ${W}) end
         from j`,
      )
      .raw(),
    /**
     * The middle "waiting since" of a team: `n` (1 or 2) entries from the k-th (0-based), one walk of
     * k entries of its waiting index (both middle ones of an even count in the same walk).
     */
    teamMiddle: sqlite
      .prepare<{ team: number | null; k: number; n: number }, number>(
        `select waiting_since from threads indexed by threads_board_team_wait_idx where team_id is :team and ${W}
         order by waiting_since limit :n offset :k`,
      )
      .pluck(),
    channelMiddle: sqlite
      .prepare<{ team: number | null; channel: string; k: number; n: number }, number>(
        `select waiting_since from threads indexed by threads_board_channel_wait_idx
         where team_id is :team and last_inbound_channel = :channel and ${W} order by waiting_since limit :n offset :k`,
      )
      .pluck(),
    /** Hour rows of board_waits for keys [[team_key, channel], …]: [i (the key's place), hour, n], in order. */
    waitHoursOf: sqlite
      .prepare<{ keys: string }, [number, number, number]>(
        `with j as materialized (select key as i, value ->> 0 as team, value ->> 1 as channel from json_each(:keys))
         select j.i, w.bucket, w.n from j
         join board_waits w on w.team_key = j.team and w.channel = j.channel and w.level = 1
         order by j.i, w.bucket`,
      )
      .raw(),
    /**
     * For each asked position p — wants [[team_key, channel, hour, k, p], …], several keys sharing a p
     * are added up — the minute of that hour holding its k-th waiting customer (0-based) and its
     * place in that minute: [p, minute, rest]. The hour's minute rows are added up in SQLite; one row
     * comes back per position. (The JSON is unpacked once, in a materialised CTE.)
     */
    waitMinuteAt: sqlite
      .prepare<{ wants: string }, [number, number, number]>(
        `with j as materialized (
           select value ->> 0 as team, value ->> 1 as channel, (value ->> 2) * 60 as first,
             value ->> 3 as k, value ->> 4 as p from json_each(:wants)),
         m as (
           select j.p, j.k, w.bucket, sum(w.n) as n from j
           join board_waits w on w.team_key = j.team and w.channel = j.channel and w.level = 0
             and w.bucket >= j.first and w.bucket < j.first + 60
           group by 1, 2, 3),
         c as (select p, k, bucket, n, sum(n) over (partition by p order by bucket) as cum from m)
         select p, bucket, k - (cum - n) from c where cum > k and cum - n <= k`,
      )
      .raw(),
    /**
     * For each asked position p — wants [[team_key, channel, minute, k, p], …] ('*' = the whole team;
     * several keys sharing a p are merged) — the "waiting since" of the k-th customer (0-based) who
     * began waiting in that minute: [p, waiting_since]. Short ranges of the board's waiting indexes.
     */
    waitAt: sqlite
      .prepare<{ wants: string }, [number, number]>(
        `with j as materialized (
           select nullif(value ->> 0, 0) as team, value ->> 1 as channel, (value ->> 2) * 60000 as start,
             value ->> 3 as k, value ->> 4 as p from json_each(:wants)),
         v as (
           select j.p, j.k, t.waiting_since as w from j
           join threads t indexed by threads_board_team_wait_idx on t.team_id is j.team and ${T}
             and t.waiting_since >= j.start and t.waiting_since < j.start + 60000
           where j.channel = '*'
           union all
           select j.p, j.k, t.waiting_since from j
           join threads t indexed by threads_board_channel_wait_idx on t.team_id is j.team
             and t.last_inbound_channel = j.channel and ${T}
             and t.waiting_since >= j.start and t.waiting_since < j.start + 60000
           where j.channel <> '*'),
         r as (select p, k, w, row_number() over (partition by p order by w) - 1 as i from v)
         select p, w from r where i = k`,
      )
      .raw(),
    team: sqlite.prepare<{ id: number }, { id: number; name: string; businessHours: string | null }>(
      `select id, name, business_hours as businessHours from teams where id = :id`,
    ),
    allTeamIds: sqlite.prepare<[], number>(`select id from teams order by id`).pluck(),
    agentsOfTeams: sqlite
      .prepare<{ teams: string }, number>(
        `select distinct at.agent_id from agent_teams at join agents a on a.id = at.agent_id
         where a.active = 1 and at.team_id in (select value from json_each(:teams))`,
      )
      .pluck(),
    activeAgentIds: sqlite.prepare<[], number>(`select id from agents where active = 1`).pluck(),
    agent: sqlite.prepare<{ id: number }, { id: number; name: string; role: Role; capacity: number; active: number }>(
      `select id, name, role, capacity, active from agents where id = :id`,
    ),
    agentTeams: sqlite.prepare<{ id: number }, number>(`select team_id from agent_teams where agent_id = :id`).pluck(),
    /**
     * The board rows of the given active agents, one statement: their teams, their live threads from
     * agent_tallies (open = load; waiting and negative of any live status) and their oldest wait (a
     * seek on the agent waiting index).
     */
    agentRows: sqlite
      .prepare<{ ids: string }, AgentRow>(
        `select a.id, a.name, a.role, a.capacity,
         (select group_concat(team_id) from agent_teams where agent_id = a.id) as teams,
         coalesce(sum(t.n) filter (where t.status = 'open'), 0) as load,
         coalesce(sum(t.n) filter (where t.status = 'pending'), 0) as pending,
         coalesce(sum(t.n) filter (where t.status <> 'resolved' and t.waiting = 1), 0) as waiting,
         coalesce(sum(t.n) filter (where t.status <> 'resolved' and t.negative = 1), 0) as negative,
         (select min(waiting_since) from threads where assignee_id = a.id and ${W}) as oldest
       from agents a left join agent_tallies t on t.agent_id = a.id
       where a.active = 1 and a.id in (select value from json_each(:ids))
       group by a.id`,
      )
      .raw(),
  };
}

/** The board's statements for a database, prepared once. */
export const boardStatements = preparedPerDb((db) => prepare(db.$client));
