import type Database from 'better-sqlite3';

/**
 * Recompute the floor board's counters (board_tallies, agent_tallies, board_minutes, board_sla,
 * board_waits; kept by the triggers of migrations 0010, 0019 and 0021) from the threads and episodes themselves. For tools that write rows
 * with the triggers dropped (the bench workspace generator) and for the drift test; the migration
 * runs the same statements once for existing databases.
 */
export function recountBoardCounters(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec(`
      DELETE FROM board_tallies;
      INSERT INTO board_tallies (team_key, channel, status, unassigned, waiting, n)
        SELECT coalesce(team_id, 0), coalesce(last_inbound_channel, ''), status, assignee_id IS NULL,
          (status = 'open' AND waiting_since IS NOT NULL), count(*)
        FROM threads WHERE merged_into_thread_id IS NULL GROUP BY 1, 2, 3, 4, 5;
      DELETE FROM agent_tallies;
      INSERT INTO agent_tallies (agent_id, status, waiting, negative, n)
        SELECT assignee_id, status, (status = 'open' AND waiting_since IS NOT NULL),
          coalesce(last_sentiment_label = 'negative', 0), count(*)
        FROM threads WHERE merged_into_thread_id IS NULL AND assignee_id IS NOT NULL GROUP BY 1, 2, 3, 4;
      DELETE FROM board_minutes;
      INSERT INTO board_minutes (team_key, minute, arrivals, resolutions)
        SELECT team_key, minute, sum(a), sum(r) FROM (
          SELECT coalesce(team_id, 0) AS team_key, opened_at / 60000 AS minute, 1 AS a, 0 AS r FROM episodes
          UNION ALL SELECT coalesce(team_id, 0), resolved_at / 60000, 0, 1 FROM episodes WHERE resolved_at IS NOT NULL
        ) GROUP BY 1, 2;
    `);
    recountBoardSla(sqlite);
    recountBoardWaits(sqlite);
  })();
}

/** Recompute board_waits (waiting customers per team, channel, minute and hour; kept by the triggers of migration 0021). */
export function recountBoardWaits(sqlite: Database.Database): void {
  sqlite.exec(`
    DELETE FROM board_waits;
    INSERT INTO board_waits (team_key, channel, level, bucket, n)
      SELECT coalesce(t.team_id, 0), CASE c.whole WHEN 1 THEN '*' ELSE coalesce(t.last_inbound_channel, '') END,
        l.level, t.waiting_since / l.width, count(*)
      FROM threads t
        CROSS JOIN (SELECT 1 AS whole UNION ALL SELECT 0) c
        CROSS JOIN (SELECT 0 AS level, 60000 AS width UNION ALL SELECT 1, 3600000) l
      WHERE t.status = 'open' AND t.waiting_since IS NOT NULL AND t.merged_into_thread_id IS NULL
      GROUP BY 1, 2, 3, 4;
  `);
}

/** Recompute board_sla (running SLA clocks past 75 %, kept by the triggers of migration 0019) from sla_alerts and threads. */
export function recountBoardSla(sqlite: Database.Database): void {
  sqlite.exec(`
    DELETE FROM board_sla;
    INSERT INTO board_sla (thread_id, kind, team_key, channel, clock_started_at, fraction)
      SELECT a.thread_id, a.kind, coalesce(t.team_id, 0), coalesce(t.last_inbound_channel, ''), a.clock_started_at, max(a.fraction)
      FROM sla_alerts a JOIN threads t ON t.id = a.thread_id
      WHERE a.fraction >= 0.75 AND t.status <> 'resolved' AND t.merged_into_thread_id IS NULL
        AND t.current_episode_id = a.episode_id
        AND (CASE a.kind WHEN 'resolution' THEN t.status = 'open' ELSE t.waiting_since = a.clock_started_at END)
        AND a.clock_started_at = (SELECT max(b.clock_started_at) FROM sla_alerts b
          WHERE b.episode_id = a.episode_id AND b.kind = a.kind AND b.fraction >= 0.75)
      GROUP BY a.thread_id, a.kind;
  `);
}
