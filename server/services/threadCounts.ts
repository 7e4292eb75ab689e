import type Database from 'better-sqlite3';
import { CHANNEL_KINDS, type ChannelKind } from '#shared/channels';
import { isOneOf } from '#shared/oneOf';
import { hasRole, type ThreadStatus } from '#shared/schemas/common';
import type { ThreadCounts } from '#shared/schemas/threadCounts';
import type { Viewer } from '#server/domain/access';
import type { Db } from '#server/db/connection';
import { preparedPerDb } from '#server/db/statements';

// Teams a viewer sees (`:all` = 1 for supervisors, else team 0 = no team plus `:keys`, a JSON array).
const SEEN = `(:all = 1 or team_key in (select value from json_each(:keys)))`;
// An agent's own live threads in teams they are not in (visible because assigned to them).
const ELSEWHERE = `assignee_id = :me and merged_into_thread_id is null and team_id is not null
  and team_id not in (select value from json_each(:teams))`;

function prepare(sqlite: Database.Database) {
  return {
    statuses: sqlite.prepare<Record<string, unknown>, { status: ThreadStatus; n: number }>(
      `select status, sum(n) as n from thread_tallies where ${SEEN} group by status`,
    ),
    open: sqlite.prepare<Record<string, unknown>, { teamKey: number; unassigned: number; n: number }>(
      `select team_key as teamKey, unassigned, sum(n) as n from thread_tallies
       where status = 'open' and ${SEEN} group by team_key, unassigned`,
    ),
    channels: sqlite.prepare<Record<string, unknown>, { channel: ChannelKind; n: number }>(
      `select channel, sum(n) as n from channel_tallies where status = 'open' and ${SEEN} group by channel`,
    ),
    elsewhere: sqlite.prepare<Record<string, unknown>, { status: ThreadStatus; teamId: number; n: number }>(
      `select status, team_id as teamId, count(*) as n from threads where ${ELSEWHERE} group by status, team_id`,
    ),
    elsewhereChannels: sqlite.prepare<Record<string, unknown>, { channel: ChannelKind; n: number }>(
      `select ch.value as channel, count(*) as n from threads, json_each(threads.channels) ch
       where status = 'open' and ${ELSEWHERE} group by ch.value`,
    ),
    mine: sqlite
      .prepare<{ me: number }, number>(
        `select count(*) from threads where assignee_id = :me and status = 'open' and merged_into_thread_id is null`,
      )
      .pluck(),
    // Kept per agent by triggers (migration 0020): one row, not a sum over every thread they hold.
    unreadMine: sqlite
      .prepare<{ me: number }, number>(`select coalesce((select n from agent_unread where agent_id = :me), 0)`)
      .pluck(),
  };
}

/** The count statements of a database, prepared once. */
export const countStatements = preparedPerDb((db) => prepare(db.$client));

/**
 * Counts for every inbox view, under the same visibility rule as the list (canSeeThread):
 * threads with no team or in the viewer's teams, read from the tallies the database keeps per
 * team, status and channel, plus the viewer's own threads in other teams.
 */
export function countThreads(db: Db, viewer: Viewer): ThreadCounts {
  const s = countStatements(db);
  const all = hasRole(viewer.role, 'supervisor');
  const params = { all: all ? 1 : 0, keys: JSON.stringify([0, ...viewer.teamIds]) };
  const elsewhere = all ? [] : s.elsewhere.all({ me: viewer.id, teams: JSON.stringify(viewer.teamIds) });

  const statuses: Record<ThreadStatus, number> = { open: 0, pending: 0, snoozed: 0, resolved: 0 };
  const add = (status: ThreadStatus, n: number) => {
    statuses[status] += n;
  };
  for (const r of s.statuses.all(params)) add(r.status, r.n);
  for (const r of elsewhere) add(r.status, r.n);

  let unassigned = 0;
  const teams = new Map<number, number>();
  const addTeam = (teamId: number, n: number) => teams.set(teamId, (teams.get(teamId) ?? 0) + n);
  for (const r of s.open.all(params)) {
    if (r.unassigned === 1) unassigned += r.n;
    if (r.teamKey !== 0) addTeam(r.teamKey, r.n);
  }
  for (const r of elsewhere) if (r.status === 'open') addTeam(r.teamId, r.n);

  const channels = new Map<ChannelKind, number>();
  const addChannel = (channel: ChannelKind, n: number) => channels.set(channel, (channels.get(channel) ?? 0) + n);
  for (const r of s.channels.all(params)) addChannel(r.channel, r.n);
  if (!all) {
    for (const r of s.elsewhereChannels.all({ me: viewer.id, teams: JSON.stringify(viewer.teamIds) }))
      addChannel(r.channel, r.n);
  }

  return {
    mine: s.mine.get({ me: viewer.id }) ?? 0,
    unassigned,
    all: statuses.open,
    teams: [...teams]
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => a - b)
      .map(([teamId, count]) => ({ teamId, count })),
    channels: [...channels]
      .filter(([c, n]) => n > 0 && isOneOf(CHANNEL_KINDS, c))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([channel, count]) => ({ channel, count })),
    statuses,
    unreadMine: s.unreadMine.get({ me: viewer.id }) ?? 0,
  };
}
