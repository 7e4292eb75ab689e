import type Database from 'better-sqlite3';
import type { Db } from '#server/db/connection';
import type { AlertKind } from '#shared/schemas/alerts';
import { BOARD_WAITING } from './sortKeys';
import { statement } from './engine/statement';

// Team alerts' reads: each is a seek on a small table or on a partial index bounded by the last
// hour (migration 0017), never a scan of threads.
const W = BOARD_WAITING.replaceAll('"', '');

/** An alert row joined with its team's and acknowledger's names. */
export interface AlertRow {
  id: number;
  teamId: number;
  teamName: string;
  kind: AlertKind;
  threshold: number;
  value: number;
  firedAt: number;
  clearedAt: number | null;
  ackedAt: number | null;
  ackedById: number | null;
  ackedByName: string | null;
}

// Aliases are quoted: the same text runs on PostgreSQL, which folds unquoted names to lower case.
const ALERT_COLUMNS = `a.id, a.team_id as "teamId", t.name as "teamName", a.kind, a.threshold, a.value,
  a.fired_at as "firedAt", a.cleared_at as "clearedAt", a.acked_at as "ackedAt", a.acked_by as "ackedById",
  g.name as "ackedByName"
  from alerts a join teams t on t.id = a.team_id left join agents g on g.id = a.acked_by`;

/** A team's alert rules (both engines). */
export const alertRulesOfTeam = statement<{ team: number }, { kind: AlertKind; threshold: number; enabled: number }>(
  'alertRules.ofTeam',
  `select kind, threshold, enabled from alert_rules where team_id = :team order by kind`,
);

/** One alert with its names (both engines). */
export const alertById = statement<{ id: number }, AlertRow>('alerts.byId', `select ${ALERT_COLUMNS} where a.id = :id`);

function prepare(sqlite: Database.Database) {
  const num = (s: string) => sqlite.prepare<Record<string, unknown>, number | null>(s).pluck();
  return {
    rules: sqlite.prepare<{ team: number }, { kind: AlertKind; threshold: number; enabled: number }>(
      alertRulesOfTeam.sqlite,
    ),
    teamsToCheck: sqlite
      .prepare<[], number>(
        `select team_id from alert_rules where enabled = 1 union select team_id from alerts where cleared_at is null`,
      )
      .pluck(),
    openCrossings: sqlite.prepare<{ team: number }, { id: number; kind: AlertKind }>(
      `select id, kind from alerts where team_id = :team and cleared_at is null`,
    ),
    waiting: num(
      `select coalesce(sum(n), 0) from board_tallies where team_key = :team and waiting = 1 and status = 'open'`,
    ),
    oldest: num(`select min(waiting_since) from threads where team_id = :team and ${W}`),
    breaches: num(
      `select count(*) from sla_alerts s indexed by sla_alerts_breach_idx join threads t on t.id = s.thread_id
       where s.fraction >= 1 and s.fired_at >= :from and t.team_id = :team`,
    ),
    drops: num(
      `select count(*) from events e indexed by events_sentiment_alerted_idx join threads t on t.id = e.thread_id
       where e.type = 'sentiment.alerted' and e.created_at >= :from and t.team_id = :team`,
    ),
    alert: sqlite.prepare<{ id: number }, AlertRow>(alertById.sqlite),
    list: sqlite.prepare<{ teams: string | null; status: string | null; limit: number }, AlertRow>(
      `select ${ALERT_COLUMNS}
       where (:teams is null or a.team_id in (select value from json_each(:teams)))
         and (:status is null or (:status = 'open' and a.acked_at is null) or (:status = 'acknowledged' and a.acked_at is not null))
       order by a.fired_at desc, a.id desc limit :limit`,
    ),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

/** Team alerts' statements for a database, prepared once. */
export function alertStatements(db: Db): ReturnType<typeof prepare> {
  let s = cache.get(db.$client);
  if (!s) cache.set(db.$client, (s = prepare(db.$client)));
  return s;
}
