CREATE TABLE `channel_tallies` (
	`team_key` integer NOT NULL,
	`status` text NOT NULL,
	`channel` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`team_key`, `status`, `channel`)
);
--> statement-breakpoint
CREATE TABLE `thread_tallies` (
	`team_key` integer NOT NULL,
	`status` text NOT NULL,
	`unassigned` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`team_key`, `status`, `unassigned`)
);
--> statement-breakpoint
DROP INDEX `threads_assignee_idx`;--> statement-breakpoint
ALTER TABLE `threads` ADD `inbound_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `threads_inbox_waiting_idx` ON `threads` (`status`,coalesce("waiting_since", 9000000000000),`id`);--> statement-breakpoint
CREATE INDEX `threads_inbox_activity_idx` ON `threads` (`status`,`last_message_at`,`id`);--> statement-breakpoint
CREATE INDEX `threads_inbox_priority_idx` ON `threads` (`status`,(case "priority" when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end) * 10000000000000 + coalesce("waiting_since", 9000000000000),`id`);--> statement-breakpoint
CREATE INDEX `threads_assignee_idx` ON `threads` (`assignee_id`,`status`,`team_id`,`merged_into_thread_id`,`inbound_count`);--> statement-breakpoint
ALTER TABLE `thread_reads` ADD `read_inbound_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `thread_reads_thread_idx` ON `thread_reads` (`thread_id`,`last_read_message_id`);--> statement-breakpoint
-- Unread counts without counting messages: threads.inbound_count is the thread's inbound messages,
-- thread_reads.read_inbound_count those up to the agent's mark; unread = the difference. Triggers
-- keep both in the writing transaction, whichever code inserts, moves (merge) or deletes messages.
CREATE TRIGGER `messages_inbound_insert` AFTER INSERT ON `messages` WHEN new.direction = 'inbound' BEGIN
  UPDATE threads SET inbound_count = inbound_count + 1 WHERE id = new.thread_id;
  UPDATE thread_reads SET read_inbound_count = read_inbound_count + 1
    WHERE thread_id = new.thread_id AND last_read_message_id >= new.id;
END;--> statement-breakpoint
CREATE TRIGGER `messages_inbound_delete` AFTER DELETE ON `messages` WHEN old.direction = 'inbound' BEGIN
  UPDATE threads SET inbound_count = inbound_count - 1 WHERE id = old.thread_id;
  UPDATE thread_reads SET read_inbound_count = read_inbound_count - 1
    WHERE thread_id = old.thread_id AND last_read_message_id >= old.id;
END;--> statement-breakpoint
CREATE TRIGGER `messages_inbound_move` AFTER UPDATE OF thread_id, direction ON `messages`
  WHEN old.thread_id IS NOT new.thread_id OR old.direction IS NOT new.direction BEGIN
  UPDATE threads SET inbound_count = inbound_count - 1 WHERE old.direction = 'inbound' AND id = old.thread_id;
  UPDATE thread_reads SET read_inbound_count = read_inbound_count - 1
    WHERE old.direction = 'inbound' AND thread_id = old.thread_id AND last_read_message_id >= old.id;
  UPDATE threads SET inbound_count = inbound_count + 1 WHERE new.direction = 'inbound' AND id = new.thread_id;
  UPDATE thread_reads SET read_inbound_count = read_inbound_count + 1
    WHERE new.direction = 'inbound' AND thread_id = new.thread_id AND last_read_message_id >= new.id;
END;--> statement-breakpoint
CREATE TRIGGER `thread_reads_count_insert` AFTER INSERT ON `thread_reads` BEGIN
  UPDATE thread_reads SET read_inbound_count = (SELECT count(*) FROM messages m
    WHERE m.thread_id = new.thread_id AND m.direction = 'inbound' AND m.id <= new.last_read_message_id)
    WHERE agent_id = new.agent_id AND thread_id = new.thread_id;
END;--> statement-breakpoint
CREATE TRIGGER `thread_reads_count_update` AFTER UPDATE OF last_read_message_id, thread_id ON `thread_reads` BEGIN
  UPDATE thread_reads SET read_inbound_count = (SELECT count(*) FROM messages m
    WHERE m.thread_id = new.thread_id AND m.direction = 'inbound' AND m.id <= new.last_read_message_id)
    WHERE agent_id = new.agent_id AND thread_id = new.thread_id;
END;--> statement-breakpoint
-- Inbox counts without counting threads: live threads per (team, status, unassigned) and per
-- (team, status, channel), team 0 standing for "no team".
CREATE TRIGGER `threads_tally_insert` AFTER INSERT ON `threads` WHEN new.merged_into_thread_id IS NULL BEGIN
  INSERT INTO thread_tallies (team_key, status, unassigned, n)
    VALUES (coalesce(new.team_id, 0), new.status, new.assignee_id IS NULL, 1)
    ON CONFLICT (team_key, status, unassigned) DO UPDATE SET n = n + 1;
  INSERT INTO channel_tallies (team_key, status, channel, n)
    SELECT coalesce(new.team_id, 0), new.status, ch.value, 1 FROM json_each(new.channels) ch WHERE true
    ON CONFLICT (team_key, status, channel) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `threads_tally_delete` AFTER DELETE ON `threads` WHEN old.merged_into_thread_id IS NULL BEGIN
  UPDATE thread_tallies SET n = n - 1
    WHERE team_key = coalesce(old.team_id, 0) AND status = old.status AND unassigned = (old.assignee_id IS NULL);
  UPDATE channel_tallies SET n = n - 1 WHERE team_key = coalesce(old.team_id, 0) AND status = old.status
    AND channel IN (SELECT value FROM json_each(old.channels));
END;--> statement-breakpoint
CREATE TRIGGER `threads_tally_update` AFTER UPDATE OF status, team_id, assignee_id, merged_into_thread_id, channels ON `threads`
  WHEN old.status IS NOT new.status OR old.team_id IS NOT new.team_id
    OR (old.assignee_id IS NULL) IS NOT (new.assignee_id IS NULL)
    OR old.merged_into_thread_id IS NOT new.merged_into_thread_id OR old.channels IS NOT new.channels BEGIN
  UPDATE thread_tallies SET n = n - 1 WHERE old.merged_into_thread_id IS NULL
    AND team_key = coalesce(old.team_id, 0) AND status = old.status AND unassigned = (old.assignee_id IS NULL);
  UPDATE channel_tallies SET n = n - 1 WHERE old.merged_into_thread_id IS NULL
    AND team_key = coalesce(old.team_id, 0) AND status = old.status
    AND channel IN (SELECT value FROM json_each(old.channels));
  INSERT INTO thread_tallies (team_key, status, unassigned, n)
    SELECT coalesce(new.team_id, 0), new.status, new.assignee_id IS NULL, 1 WHERE new.merged_into_thread_id IS NULL
    ON CONFLICT (team_key, status, unassigned) DO UPDATE SET n = n + 1;
  INSERT INTO channel_tallies (team_key, status, channel, n)
    SELECT coalesce(new.team_id, 0), new.status, ch.value, 1 FROM json_each(new.channels) ch
    WHERE new.merged_into_thread_id IS NULL
    ON CONFLICT (team_key, status, channel) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
-- Existing rows (the same statements as recountInboxCounters in server/db/inboxCounters.ts).
UPDATE threads SET inbound_count = (SELECT count(*) FROM messages m WHERE m.thread_id = threads.id AND m.direction = 'inbound');--> statement-breakpoint
UPDATE thread_reads SET read_inbound_count = (SELECT count(*) FROM messages m WHERE m.thread_id = thread_reads.thread_id
  AND m.direction = 'inbound' AND m.id <= thread_reads.last_read_message_id);--> statement-breakpoint
INSERT INTO thread_tallies (team_key, status, unassigned, n)
  SELECT coalesce(team_id, 0), status, assignee_id IS NULL, count(*) FROM threads
  WHERE merged_into_thread_id IS NULL GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO channel_tallies (team_key, status, channel, n)
  SELECT coalesce(t.team_id, 0), t.status, ch.value, count(*) FROM threads t, json_each(t.channels) ch
  WHERE t.merged_into_thread_id IS NULL GROUP BY 1, 2, 3;
