import type Database from 'better-sqlite3';

/**
 * Recompute the inbox counters that triggers keep (migration 0008) from the rows themselves:
 * unread counters on threads and read marks, the per team/status tallies and the unread total per
 * assignee (migration 0020). For tools that write rows with the triggers dropped (the bench
 * workspace generator); the migrations run the same statements once for existing databases.
 */
export function recountInboxCounters(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec(`
      UPDATE threads SET inbound_count = (SELECT count(*) FROM messages m WHERE m.thread_id = threads.id AND m.direction = 'inbound');
      UPDATE thread_reads SET read_inbound_count = (SELECT count(*) FROM messages m WHERE m.thread_id = thread_reads.thread_id
        AND m.direction = 'inbound' AND m.id <= thread_reads.last_read_message_id);
      DELETE FROM thread_tallies;
      INSERT INTO thread_tallies (team_key, status, unassigned, n)
        SELECT coalesce(team_id, 0), status, assignee_id IS NULL, count(*) FROM threads
        WHERE merged_into_thread_id IS NULL GROUP BY 1, 2, 3;
      DELETE FROM channel_tallies;
      INSERT INTO channel_tallies (team_key, status, channel, n)
        SELECT coalesce(t.team_id, 0), t.status, ch.value, count(*) FROM threads t, json_each(t.channels) ch
        WHERE t.merged_into_thread_id IS NULL GROUP BY 1, 2, 3;
      DELETE FROM agent_unread;
      INSERT INTO agent_unread (agent_id, n)
        SELECT t.assignee_id, sum(t.inbound_count - coalesce(r.read_inbound_count, 0)) FROM threads t
        LEFT JOIN thread_reads r ON r.agent_id = t.assignee_id AND r.thread_id = t.id
        WHERE t.assignee_id IS NOT NULL AND t.merged_into_thread_id IS NULL GROUP BY t.assignee_id;
    `);
  })();
}
