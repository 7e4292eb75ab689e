CREATE TABLE `agent_tallies` (
	`agent_id` integer NOT NULL,
	`status` text NOT NULL,
	`waiting` integer NOT NULL,
	`negative` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `status`, `waiting`, `negative`)
);
--> statement-breakpoint
CREATE TABLE `board_minutes` (
	`team_key` integer NOT NULL,
	`minute` integer NOT NULL,
	`arrivals` integer DEFAULT 0 NOT NULL,
	`resolutions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`team_key`, `minute`)
);
--> statement-breakpoint
CREATE TABLE `board_tallies` (
	`team_key` integer NOT NULL,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`unassigned` integer NOT NULL,
	`waiting` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`team_key`, `channel`, `status`, `unassigned`, `waiting`)
);
--> statement-breakpoint
CREATE INDEX `threads_board_team_wait_idx` ON `threads` (`team_id`,`waiting_since`) WHERE "status" = 'open' and "waiting_since" is not null and "merged_into_thread_id" is null;--> statement-breakpoint
CREATE INDEX `threads_board_channel_wait_idx` ON `threads` (`team_id`,`last_inbound_channel`,`waiting_since`) WHERE "status" = 'open' and "waiting_since" is not null and "merged_into_thread_id" is null;--> statement-breakpoint
CREATE INDEX `threads_board_agent_wait_idx` ON `threads` (`assignee_id`,`waiting_since`) WHERE "status" = 'open' and "waiting_since" is not null and "merged_into_thread_id" is null;--> statement-breakpoint
-- The floor board's counters (server/db/tables/liveBoard.ts), kept in the writing transaction: a
-- thread's old contribution is taken out and its new one put in, whichever code changed it.
CREATE TRIGGER `threads_board_insert` AFTER INSERT ON `threads` BEGIN
  INSERT INTO board_tallies (team_key, channel, status, unassigned, waiting, n)
    SELECT coalesce(new.team_id, 0), coalesce(new.last_inbound_channel, ''), new.status, (new.assignee_id IS NULL), (new.status = 'open' AND new.waiting_since IS NOT NULL), 1 WHERE new.merged_into_thread_id IS NULL
    ON CONFLICT (team_key, channel, status, unassigned, waiting) DO UPDATE SET n = n + (1);
  INSERT INTO agent_tallies (agent_id, status, waiting, negative, n)
    SELECT new.assignee_id, new.status, (new.status = 'open' AND new.waiting_since IS NOT NULL), coalesce(new.last_sentiment_label = 'negative', 0), 1 WHERE new.merged_into_thread_id IS NULL AND new.assignee_id IS NOT NULL
    ON CONFLICT (agent_id, status, waiting, negative) DO UPDATE SET n = n + (1);
END;--> statement-breakpoint
CREATE TRIGGER `threads_board_delete` AFTER DELETE ON `threads` BEGIN
  INSERT INTO board_tallies (team_key, channel, status, unassigned, waiting, n)
    SELECT coalesce(old.team_id, 0), coalesce(old.last_inbound_channel, ''), old.status, (old.assignee_id IS NULL), (old.status = 'open' AND old.waiting_since IS NOT NULL), -1 WHERE old.merged_into_thread_id IS NULL
    ON CONFLICT (team_key, channel, status, unassigned, waiting) DO UPDATE SET n = n + (-1);
  INSERT INTO agent_tallies (agent_id, status, waiting, negative, n)
    SELECT old.assignee_id, old.status, (old.status = 'open' AND old.waiting_since IS NOT NULL), coalesce(old.last_sentiment_label = 'negative', 0), -1 WHERE old.merged_into_thread_id IS NULL AND old.assignee_id IS NOT NULL
    ON CONFLICT (agent_id, status, waiting, negative) DO UPDATE SET n = n + (-1);
END;--> statement-breakpoint
CREATE TRIGGER `threads_board_update` AFTER UPDATE OF status, team_id, assignee_id, merged_into_thread_id, last_inbound_channel, waiting_since, last_sentiment_label ON `threads`
  WHEN old.merged_into_thread_id IS NULL IS NOT new.merged_into_thread_id IS NULL OR coalesce(old.team_id, 0) IS NOT coalesce(new.team_id, 0) OR coalesce(old.last_inbound_channel, '') IS NOT coalesce(new.last_inbound_channel, '') OR old.status IS NOT new.status OR (old.assignee_id IS NULL) IS NOT (new.assignee_id IS NULL) OR (old.status = 'open' AND old.waiting_since IS NOT NULL) IS NOT (new.status = 'open' AND new.waiting_since IS NOT NULL) OR old.assignee_id IS NOT new.assignee_id OR old.status IS NOT new.status OR (old.status = 'open' AND old.waiting_since IS NOT NULL) IS NOT (new.status = 'open' AND new.waiting_since IS NOT NULL) OR coalesce(old.last_sentiment_label = 'negative', 0) IS NOT coalesce(new.last_sentiment_label = 'negative', 0) BEGIN
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
-- Arrivals (episodes opened) and resolutions per team and minute.
CREATE TRIGGER `episodes_board_insert` AFTER INSERT ON `episodes` BEGIN
  INSERT INTO board_minutes (team_key, minute, arrivals, resolutions)
    VALUES (coalesce(new.team_id, 0), new.opened_at / 60000, 1, 0)
    ON CONFLICT (team_key, minute) DO UPDATE SET arrivals = arrivals + 1;
  INSERT INTO board_minutes (team_key, minute, arrivals, resolutions)
    SELECT coalesce(new.team_id, 0), new.resolved_at / 60000, 0, 1 WHERE new.resolved_at IS NOT NULL
    ON CONFLICT (team_key, minute) DO UPDATE SET resolutions = resolutions + 1;
END;--> statement-breakpoint
CREATE TRIGGER `episodes_board_update` AFTER UPDATE OF opened_at, resolved_at, team_id ON `episodes`
  WHEN old.opened_at IS NOT new.opened_at OR old.resolved_at IS NOT new.resolved_at OR old.team_id IS NOT new.team_id BEGIN
  UPDATE board_minutes SET arrivals = arrivals - 1 WHERE team_key = coalesce(old.team_id, 0) AND minute = old.opened_at / 60000;
  UPDATE board_minutes SET resolutions = resolutions - 1
    WHERE old.resolved_at IS NOT NULL AND team_key = coalesce(old.team_id, 0) AND minute = old.resolved_at / 60000;
  INSERT INTO board_minutes (team_key, minute, arrivals, resolutions)
    VALUES (coalesce(new.team_id, 0), new.opened_at / 60000, 1, 0)
    ON CONFLICT (team_key, minute) DO UPDATE SET arrivals = arrivals + 1;
  INSERT INTO board_minutes (team_key, minute, arrivals, resolutions)
    SELECT coalesce(new.team_id, 0), new.resolved_at / 60000, 0, 1 WHERE new.resolved_at IS NOT NULL
    ON CONFLICT (team_key, minute) DO UPDATE SET resolutions = resolutions + 1;
END;--> statement-breakpoint
-- Existing rows (the same statements as recountBoardCounters in server/db/boardCounters.ts).
INSERT INTO board_tallies (team_key, channel, status, unassigned, waiting, n)
  SELECT coalesce(team_id, 0), coalesce(last_inbound_channel, ''), status, assignee_id IS NULL,
    (status = 'open' AND waiting_since IS NOT NULL), count(*)
  FROM threads WHERE merged_into_thread_id IS NULL GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO agent_tallies (agent_id, status, waiting, negative, n)
  SELECT assignee_id, status, (status = 'open' AND waiting_since IS NOT NULL),
    coalesce(last_sentiment_label = 'negative', 0), count(*)
  FROM threads WHERE merged_into_thread_id IS NULL AND assignee_id IS NOT NULL GROUP BY 1, 2, 3, 4;--> statement-breakpoint
INSERT INTO board_minutes (team_key, minute, arrivals, resolutions)
  SELECT team_key, minute, sum(a), sum(r) FROM (
    SELECT coalesce(team_id, 0) AS team_key, opened_at / 60000 AS minute, 1 AS a, 0 AS r FROM episodes
    UNION ALL SELECT coalesce(team_id, 0), resolved_at / 60000, 0, 1 FROM episodes WHERE resolved_at IS NOT NULL
  ) GROUP BY 1, 2;