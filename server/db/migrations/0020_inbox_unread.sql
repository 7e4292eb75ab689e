CREATE TABLE `agent_unread` (
	`agent_id` integer PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `threads_assignee_waiting_idx` ON `threads` (`assignee_id`,`status`,coalesce("waiting_since", 9000000000000),`id`) WHERE "merged_into_thread_id" is null;--> statement-breakpoint
CREATE INDEX `threads_assignee_activity_idx` ON `threads` (`assignee_id`,`status`,`last_message_at`,`id`) WHERE "merged_into_thread_id" is null;--> statement-breakpoint
CREATE INDEX `threads_assignee_priority_idx` ON `threads` (`assignee_id`,`status`,(case "priority" when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end) * 10000000000000 + coalesce("waiting_since", 9000000000000),`id`) WHERE "merged_into_thread_id" is null;--> statement-breakpoint
-- Hand-written: agent_unread.n is the unread total of an agent's live assigned threads, i.e. the sum
-- over threads t assigned to the agent (not merged away) of t.inbound_count minus the agent's
-- thread_reads.read_inbound_count. Every change to one of those terms (a thread's count, assignee
-- or merge mark; a read mark's count) moves the agent's total by the same amount, here, in the
-- writing transaction. The triggers of migration 0008 keep the two counts themselves. A thread's
-- delete is counted BEFORE it happens: its read marks go first by cascade, with the thread gone.
CREATE TRIGGER `threads_unread_insert` AFTER INSERT ON `threads`
  WHEN new.assignee_id IS NOT NULL AND new.merged_into_thread_id IS NULL BEGIN
  INSERT INTO agent_unread (agent_id, n)
    VALUES (new.assignee_id, new.inbound_count - coalesce((SELECT read_inbound_count FROM thread_reads
      WHERE agent_id = new.assignee_id AND thread_id = new.id), 0))
    ON CONFLICT (agent_id) DO UPDATE SET n = n + excluded.n;
END;--> statement-breakpoint
CREATE TRIGGER `threads_unread_delete` BEFORE DELETE ON `threads`
  WHEN old.assignee_id IS NOT NULL AND old.merged_into_thread_id IS NULL BEGIN
  UPDATE agent_unread SET n = n - (old.inbound_count - coalesce((SELECT read_inbound_count FROM thread_reads
    WHERE agent_id = old.assignee_id AND thread_id = old.id), 0)) WHERE agent_id = old.assignee_id;
END;--> statement-breakpoint
CREATE TRIGGER `threads_unread_update` AFTER UPDATE OF assignee_id, merged_into_thread_id, inbound_count ON `threads`
  WHEN old.assignee_id IS NOT new.assignee_id OR old.merged_into_thread_id IS NOT new.merged_into_thread_id
    OR old.inbound_count IS NOT new.inbound_count BEGIN
  UPDATE agent_unread SET n = n - (old.inbound_count - coalesce((SELECT read_inbound_count FROM thread_reads
    WHERE agent_id = old.assignee_id AND thread_id = old.id), 0))
    WHERE agent_id = old.assignee_id AND old.merged_into_thread_id IS NULL;
  INSERT INTO agent_unread (agent_id, n)
    SELECT new.assignee_id, new.inbound_count - coalesce((SELECT read_inbound_count FROM thread_reads
      WHERE agent_id = new.assignee_id AND thread_id = new.id), 0)
    WHERE new.assignee_id IS NOT NULL AND new.merged_into_thread_id IS NULL
    ON CONFLICT (agent_id) DO UPDATE SET n = n + excluded.n;
END;--> statement-breakpoint
CREATE TRIGGER `thread_reads_unread_insert` AFTER INSERT ON `thread_reads` BEGIN
  UPDATE agent_unread SET n = n - new.read_inbound_count WHERE agent_id = new.agent_id
    AND EXISTS (SELECT 1 FROM threads WHERE id = new.thread_id AND assignee_id = new.agent_id AND merged_into_thread_id IS NULL);
END;--> statement-breakpoint
CREATE TRIGGER `thread_reads_unread_delete` AFTER DELETE ON `thread_reads` BEGIN
  UPDATE agent_unread SET n = n + old.read_inbound_count WHERE agent_id = old.agent_id
    AND EXISTS (SELECT 1 FROM threads WHERE id = old.thread_id AND assignee_id = old.agent_id AND merged_into_thread_id IS NULL);
END;--> statement-breakpoint
CREATE TRIGGER `thread_reads_unread_update` AFTER UPDATE OF read_inbound_count, agent_id, thread_id ON `thread_reads` BEGIN
  UPDATE agent_unread SET n = n + old.read_inbound_count WHERE agent_id = old.agent_id
    AND EXISTS (SELECT 1 FROM threads WHERE id = old.thread_id AND assignee_id = old.agent_id AND merged_into_thread_id IS NULL);
  UPDATE agent_unread SET n = n - new.read_inbound_count WHERE agent_id = new.agent_id
    AND EXISTS (SELECT 1 FROM threads WHERE id = new.thread_id AND assignee_id = new.agent_id AND merged_into_thread_id IS NULL);
END;--> statement-breakpoint
-- Existing rows (the same statement as recountInboxCounters in server/db/inboxCounters.ts).
INSERT INTO agent_unread (agent_id, n)
  SELECT t.assignee_id, sum(t.inbound_count - coalesce(r.read_inbound_count, 0)) FROM threads t
  LEFT JOIN thread_reads r ON r.agent_id = t.assignee_id AND r.thread_id = t.id
  WHERE t.assignee_id IS NOT NULL AND t.merged_into_thread_id IS NULL GROUP BY t.assignee_id;
