CREATE TABLE `board_sla` (
	`thread_id` integer NOT NULL,
	`kind` text NOT NULL,
	`team_key` integer NOT NULL,
	`channel` text NOT NULL,
	`clock_started_at` integer NOT NULL,
	`fraction` real NOT NULL,
	PRIMARY KEY(`thread_id`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `board_sla_team_idx` ON `board_sla` (`team_key`,`thread_id`);--> statement-breakpoint
-- Hand-written: board_sla is kept by these triggers in the writing transaction (see
-- server/db/tables/liveBoard.ts). A crossing of 75 % or more of a running clock enters (the latest
-- clock and the highest fraction win); the row leaves when that clock stops.
CREATE TRIGGER `sla_alerts_board_insert` AFTER INSERT ON `sla_alerts` WHEN new.fraction >= 0.75 BEGIN
  INSERT INTO board_sla (thread_id, kind, team_key, channel, clock_started_at, fraction)
    SELECT t.id, new.kind, coalesce(t.team_id, 0), coalesce(t.last_inbound_channel, ''), new.clock_started_at, new.fraction
    FROM threads t
    WHERE t.id = new.thread_id AND t.status <> 'resolved' AND t.merged_into_thread_id IS NULL
      AND t.current_episode_id = new.episode_id
      AND (CASE new.kind WHEN 'resolution' THEN t.status = 'open' ELSE t.waiting_since = new.clock_started_at END)
    ON CONFLICT (thread_id, kind) DO UPDATE SET clock_started_at = excluded.clock_started_at, fraction = excluded.fraction
      WHERE excluded.clock_started_at > board_sla.clock_started_at
        OR (excluded.clock_started_at = board_sla.clock_started_at AND excluded.fraction > board_sla.fraction);
END;--> statement-breakpoint
CREATE TRIGGER `threads_board_sla_update` AFTER UPDATE OF status, team_id, merged_into_thread_id, last_inbound_channel, waiting_since, current_episode_id ON `threads`
  WHEN old.status IS NOT new.status OR old.team_id IS NOT new.team_id OR old.merged_into_thread_id IS NOT new.merged_into_thread_id
    OR old.last_inbound_channel IS NOT new.last_inbound_channel OR old.waiting_since IS NOT new.waiting_since
    OR old.current_episode_id IS NOT new.current_episode_id BEGIN
  DELETE FROM board_sla WHERE thread_id = new.id AND (
    new.status = 'resolved' OR new.merged_into_thread_id IS NOT NULL
    OR new.current_episode_id IS NOT old.current_episode_id
    OR (kind = 'resolution' AND new.status <> 'open')
    OR (kind <> 'resolution' AND new.waiting_since IS NOT clock_started_at));
  UPDATE board_sla SET team_key = coalesce(new.team_id, 0), channel = coalesce(new.last_inbound_channel, '')
    WHERE thread_id = new.id
      AND (team_key IS NOT coalesce(new.team_id, 0) OR channel IS NOT coalesce(new.last_inbound_channel, ''));
  -- A response clock that runs again from the same start (a refused reply gave the customer their
  -- wait back) is at risk or breached again as far as its recorded crossings say.
  INSERT INTO board_sla (thread_id, kind, team_key, channel, clock_started_at, fraction)
    SELECT new.id, a.kind, coalesce(new.team_id, 0), coalesce(new.last_inbound_channel, ''), a.clock_started_at, max(a.fraction)
    FROM sla_alerts a
    WHERE new.waiting_since IS NOT NULL AND old.waiting_since IS NOT new.waiting_since
      AND new.status <> 'resolved' AND new.merged_into_thread_id IS NULL
      AND a.episode_id = new.current_episode_id AND a.kind IN ('first_response', 'next_response')
      AND a.clock_started_at = new.waiting_since AND a.fraction >= 0.75
    GROUP BY a.kind
    ON CONFLICT (thread_id, kind) DO UPDATE SET clock_started_at = excluded.clock_started_at, fraction = excluded.fraction;
END;--> statement-breakpoint
CREATE TRIGGER `threads_board_sla_delete` AFTER DELETE ON `threads` BEGIN
  DELETE FROM board_sla WHERE thread_id = old.id;
END;--> statement-breakpoint
-- Existing rows (the same statement as recountBoardSla in server/db/boardCounters.ts).
INSERT INTO board_sla (thread_id, kind, team_key, channel, clock_started_at, fraction)
  SELECT a.thread_id, a.kind, coalesce(t.team_id, 0), coalesce(t.last_inbound_channel, ''), a.clock_started_at, max(a.fraction)
  FROM sla_alerts a JOIN threads t ON t.id = a.thread_id
  WHERE a.fraction >= 0.75 AND t.status <> 'resolved' AND t.merged_into_thread_id IS NULL
    AND t.current_episode_id = a.episode_id
    AND (CASE a.kind WHEN 'resolution' THEN t.status = 'open' ELSE t.waiting_since = a.clock_started_at END)
    AND a.clock_started_at = (SELECT max(b.clock_started_at) FROM sla_alerts b
      WHERE b.episode_id = a.episode_id AND b.kind = a.kind AND b.fraction >= 0.75)
  GROUP BY a.thread_id, a.kind;
