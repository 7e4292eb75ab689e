import type Database from 'better-sqlite3';
import type { Db } from '#server/db/connection';
import type { AgentTallyRow, BoardSlaRow, BoardTallyRow } from '#server/domain/liveBoard';
import { BOARD_WAITING } from './sortKeys';

// The floor board's reads: tallies (small tables the triggers keep) and seeks on the partial
// "waiting" indexes of migration 0012. `team_id is :team` matches null for "no team".
const W = BOARD_WAITING.replaceAll('"', '');

function prepare(sqlite: Database.Database) {
  const pluckNum = (s: string) => sqlite.prepare<Record<string, unknown>, number | null>(s).pluck();
  return {
    tallies: sqlite.prepare<{ key: number }, BoardTallyRow>(
      `select channel, status, unassigned, waiting, n from board_tallies where team_key = :key and status <> 'resolved' and n <> 0`,
    ),
    /** Per thread of a team with a running SLA clock past 75 %: its channel and worst fraction (an index range, no thread read). */
    sla: sqlite.prepare<{ key: number }, BoardSlaRow>(
      `select channel, max(fraction) as fraction from board_sla indexed by board_sla_team_idx where team_key = :key group by thread_id`,
    ),
    teamOldest: pluckNum(`select min(waiting_since) from threads where team_id is :team and ${W}`),
    teamNth: pluckNum(
      `select waiting_since from threads indexed by threads_board_team_wait_idx where team_id is :team and ${W}
       order by waiting_since limit 1 offset :k`,
    ),
    minutes: sqlite.prepare<{ key: number; from: number }, { minute: number; arrivals: number; resolutions: number }>(
      `select minute, arrivals, resolutions from board_minutes where team_key = :key and minute >= :from
       and (arrivals <> 0 or resolutions <> 0) order by minute`,
    ),
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
    agent: sqlite.prepare<{ id: number }, { id: number; name: string; role: string; capacity: number; active: number }>(
      `select id, name, role, capacity, active from agents where id = :id`,
    ),
    agentTeams: sqlite.prepare<{ id: number }, number>(`select team_id from agent_teams where agent_id = :id`).pluck(),
    agentsIn: sqlite.prepare<{ ids: string }, { id: number; name: string; role: string; capacity: number }>(
      `select id, name, role, capacity from agents where active = 1 and id in (select value from json_each(:ids))`,
    ),
    teamsOfAgents: sqlite.prepare<{ ids: string }, { agentId: number; teamId: number }>(
      `select agent_id as agentId, team_id as teamId from agent_teams where agent_id in (select value from json_each(:ids))`,
    ),
    talliesOfAgents: sqlite.prepare<{ ids: string }, AgentTallyRow>(
      `select agent_id as agentId, status, waiting, negative, n from agent_tallies
       where agent_id in (select value from json_each(:ids)) and n <> 0`,
    ),
    oldestOfAgents: sqlite.prepare<{ ids: string }, { agentId: number; oldest: number | null }>(
      `select j.value as agentId, (select min(waiting_since) from threads where assignee_id = j.value and ${W}) as oldest
       from json_each(:ids) j`,
    ),
    /** The oldest "waiting since" in each of the given channels of a team (one statement, a seek each). */
    channelOldest: sqlite.prepare<
      { team: number | null; channels: string },
      { channel: string; oldest: number | null }
    >(
      `select j.value as channel,
         (select min(waiting_since) from threads where team_id is :team and last_inbound_channel = j.value and ${W}) as oldest
       from json_each(:channels) j`,
    ),
    channelNth: pluckNum(
      `select waiting_since from threads indexed by threads_board_channel_wait_idx
       where team_id is :team and last_inbound_channel = :channel and ${W} order by waiting_since limit 1 offset :k`,
    ),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

/** The board's statements for a database, prepared once. */
export function boardStatements(db: Db): ReturnType<typeof prepare> {
  let s = cache.get(db.$client);
  if (!s) cache.set(db.$client, (s = prepare(db.$client)));
  return s;
}
