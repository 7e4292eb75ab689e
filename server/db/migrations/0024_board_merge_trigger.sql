-- Hand-written: threads_board_update (migration 0010) again, with its first condition in parentheses.
-- SQLite reads `a IS NULL IS NOT b IS NULL` as `((a IS NULL) IS NOT b) IS NULL`, which is never true,
-- so merging a customer (only merged_into_thread_id changes on the source thread) left the merged-away
-- thread counted in board_tallies and agent_tallies. The body is unchanged; the counters of existing
-- databases are recounted from the threads as server/db/boardCounters.ts does.
DROP TRIGGER `threads_board_update`;--> statement-breakpoint
CREATE TRIGGER `threads_board_update` AFTER UPDATE OF status, team_id, assignee_id, merged_into_thread_id, last_inbound_channel, waiting_since, last_sentiment_label ON `threads`
  WHEN (old.merged_into_thread_id IS NULL) IS NOT (new.merged_into_thread_id IS NULL) OR coalesce(old.team_id, 0) IS NOT coalesce(new.team_id, 0) OR coalesce(old.last_inbound_channel, '') IS NOT coalesce(new.last_inbound_channel, '') OR old.status IS NOT new.status OR (old.assignee_id IS NULL) IS NOT (new.assignee_id IS NULL) OR (old.status = 'open' AND old.waiting_since IS NOT NULL) IS NOT (new.status = 'open' AND new.waiting_since IS NOT NULL) OR old.assignee_id IS NOT new.assignee_id OR old.status IS NOT new.status OR (old.status = 'open' AND old.waiting_since IS NOT NULL) IS NOT (new.status = 'open' AND new.waiting_since IS NOT NULL) OR coalesce(old.last_sentiment_label = 'negative', 0) IS NOT coalesce(new.last_sentiment_label = 'negative', 0) BEGIN
  INSERT INTO board_tallies (team_key, channel, status, unassigned, waiting, n)
    SELECT coalesce(old.team_id, 0), coalesce(old.last_inbound_channel, ''), old.status, (old.assignee_id IS NULL), (old.status = 'open' AND old.waiting_since IS NOT NULL), -1 WHERE old.merged_into_thread_id IS NULL
    ON CONFLICT (team_key, channel, status, unassigned, waiting) DO UPDATE SET n = n + (-1);
  INSERT INTO agent_tallies (agent_id, status, waiting, negative, n)
    SELECT old.assignee_id, old.status, (old.status = 'open' AND old.waiting_since IS NOT NULL), coalesce(old.last_sentiment_label = 'negative', 0), -1 WHERE old.merged_into_thread_id IS NULL AND old.assignee_id IS NOT NULL
    ON CONFLICT (agent_id, status, waiting, negative) DO UPDATE SET n = n + (-1);
  INSERT INTO board_tallies (team_key, channel, status, unassigned, waiting, n)
    SELECT coalesce(new.team_id, 0), coalesce(new.last_inbound_channel, ''), new.status, (new.assignee_id IS NULL), (new.status = 'open' AND new.waiting_since IS NOT NULL), 1 WHERE new.merged_into_thread_id IS NULL
    ON CONFLICT (team_key, channel, status, unassigned, waiting) DO UPDATE SET n = n + (1);
  INSERT INTO agent_tallies (agent_id, status, waiting, negative, n)
    SELECT new.assignee_id, new.status, (new.status = 'open' AND new.waiting_since IS NOT NULL), coalesce(new.last_sentiment_label = 'negative', 0), 1 WHERE new.merged_into_thread_id IS NULL AND new.assignee_id IS NOT NULL
    ON CONFLICT (agent_id, status, waiting, negative) DO UPDATE SET n = n + (1);
END;--> statement-breakpoint
DELETE FROM board_tallies;--> statement-breakpoint
INSERT INTO board_tallies (team_key, channel, status, unassigned, waiting, n)
  SELECT coalesce(team_id, 0), coalesce(last_inbound_channel, ''), status, assignee_id IS NULL,
    (status = 'open' AND waiting_since IS NOT NULL), count(*)
  FROM threads WHERE merged_into_thread_id IS NULL GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
DELETE FROM agent_tallies;--> statement-breakpoint
INSERT INTO agent_tallies (agent_id, status, waiting, negative, n)
  SELECT assignee_id, status, (status = 'open' AND waiting_since IS NOT NULL),
    coalesce(last_sentiment_label = 'negative', 0), count(*)
  FROM threads WHERE merged_into_thread_id IS NULL AND assignee_id IS NOT NULL GROUP BY 1, 2, 3, 4;
