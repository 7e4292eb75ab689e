CREATE TABLE `board_waits` (
	`team_key` integer NOT NULL,
	`channel` text NOT NULL,
	`level` integer NOT NULL,
	`bucket` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`team_key`, `channel`, `level`, `bucket`)
);
--> statement-breakpoint
-- Hand-written: board_waits is kept by these triggers in the writing transaction (see
-- server/db/tables/liveBoard.ts). A waiting thread (open, with an unanswered inbound message, not
-- merged) counts in four rows: its team's minute and hour, its team and channel's minute and hour.
-- Whichever code changes the thread, its old rows lose it and its new rows gain it; a row at 0 goes.
CREATE TRIGGER `threads_board_waits_insert` AFTER INSERT ON `threads`
  WHEN new.status = 'open' AND new.waiting_since IS NOT NULL AND new.merged_into_thread_id IS NULL BEGIN
  INSERT INTO board_waits (team_key, channel, level, bucket, n) VALUES
    (coalesce(new.team_id, 0), '*', 0, new.waiting_since / 60000, 1),
    (coalesce(new.team_id, 0), '*', 1, new.waiting_since / 3600000, 1),
    (coalesce(new.team_id, 0), coalesce(new.last_inbound_channel, ''), 0, new.waiting_since / 60000, 1),
    (coalesce(new.team_id, 0), coalesce(new.last_inbound_channel, ''), 1, new.waiting_since / 3600000, 1)
    ON CONFLICT (team_key, channel, level, bucket) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `threads_board_waits_delete` AFTER DELETE ON `threads`
  WHEN old.status = 'open' AND old.waiting_since IS NOT NULL AND old.merged_into_thread_id IS NULL BEGIN
  INSERT INTO board_waits (team_key, channel, level, bucket, n) VALUES
    (coalesce(old.team_id, 0), '*', 0, old.waiting_since / 60000, -1),
    (coalesce(old.team_id, 0), '*', 1, old.waiting_since / 3600000, -1),
    (coalesce(old.team_id, 0), coalesce(old.last_inbound_channel, ''), 0, old.waiting_since / 60000, -1),
    (coalesce(old.team_id, 0), coalesce(old.last_inbound_channel, ''), 1, old.waiting_since / 3600000, -1)
    ON CONFLICT (team_key, channel, level, bucket) DO UPDATE SET n = n - 1;
  DELETE FROM board_waits WHERE n = 0 AND team_key = coalesce(old.team_id, 0)
    AND channel IN ('*', coalesce(old.last_inbound_channel, '')) AND level IN (0, 1)
    AND bucket IN (old.waiting_since / 60000, old.waiting_since / 3600000);
END;--> statement-breakpoint
CREATE TRIGGER `threads_board_waits_update` AFTER UPDATE OF status, team_id, merged_into_thread_id, last_inbound_channel, waiting_since ON `threads`
  WHEN (old.status = 'open' AND old.waiting_since IS NOT NULL AND old.merged_into_thread_id IS NULL)
      IS NOT (new.status = 'open' AND new.waiting_since IS NOT NULL AND new.merged_into_thread_id IS NULL)
    OR ((new.status = 'open' AND new.waiting_since IS NOT NULL AND new.merged_into_thread_id IS NULL)
      AND (old.waiting_since IS NOT new.waiting_since OR coalesce(old.team_id, 0) IS NOT coalesce(new.team_id, 0)
        OR coalesce(old.last_inbound_channel, '') IS NOT coalesce(new.last_inbound_channel, ''))) BEGIN
  INSERT INTO board_waits (team_key, channel, level, bucket, n)
    SELECT * FROM (VALUES
      (coalesce(old.team_id, 0), '*', 0, old.waiting_since / 60000, -1),
      (coalesce(old.team_id, 0), '*', 1, old.waiting_since / 3600000, -1),
      (coalesce(old.team_id, 0), coalesce(old.last_inbound_channel, ''), 0, old.waiting_since / 60000, -1),
      (coalesce(old.team_id, 0), coalesce(old.last_inbound_channel, ''), 1, old.waiting_since / 3600000, -1))
    WHERE old.status = 'open' AND old.waiting_since IS NOT NULL AND old.merged_into_thread_id IS NULL
    ON CONFLICT (team_key, channel, level, bucket) DO UPDATE SET n = n - 1;
  DELETE FROM board_waits WHERE n = 0 AND team_key = coalesce(old.team_id, 0)
    AND channel IN ('*', coalesce(old.last_inbound_channel, '')) AND level IN (0, 1)
    AND bucket IN (old.waiting_since / 60000, old.waiting_since / 3600000);
  INSERT INTO board_waits (team_key, channel, level, bucket, n)
    SELECT * FROM (VALUES
      (coalesce(new.team_id, 0), '*', 0, new.waiting_since / 60000, 1),
      (coalesce(new.team_id, 0), '*', 1, new.waiting_since / 3600000, 1),
      (coalesce(new.team_id, 0), coalesce(new.last_inbound_channel, ''), 0, new.waiting_since / 60000, 1),
      (coalesce(new.team_id, 0), coalesce(new.last_inbound_channel, ''), 1, new.waiting_since / 3600000, 1))
    WHERE new.status = 'open' AND new.waiting_since IS NOT NULL AND new.merged_into_thread_id IS NULL
    ON CONFLICT (team_key, channel, level, bucket) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
-- Existing rows (the same statement as recountBoardWaits in server/db/boardCounters.ts).
INSERT INTO board_waits (team_key, channel, level, bucket, n)
  SELECT coalesce(t.team_id, 0), CASE c.whole WHEN 1 THEN '*' ELSE coalesce(t.last_inbound_channel, '') END,
    l.level, t.waiting_since / l.width, count(*)
  FROM threads t
    CROSS JOIN (SELECT 1 AS whole UNION ALL SELECT 0) c
    CROSS JOIN (SELECT 0 AS level, 60000 AS width UNION ALL SELECT 1, 3600000) l
  WHERE t.status = 'open' AND t.waiting_since IS NOT NULL AND t.merged_into_thread_id IS NULL
  GROUP BY 1, 2, 3, 4;
