-- Hand-corrected: drizzle-kit splits an expression key at its commas, so the expression keys are written
-- out as in migrations 0008 and 0020 (they must be the very expressions of server/db/sortKeys.ts).
-- The inbox indexes gain the columns the list's other filters read (team, assignee, live), so rows a
-- viewer may not see are skipped inside the index; the per-assignee ones gain the team.
-- threads_assignee_idx loses inbound_count (unread is kept in agent_unread since 0020): with it every
-- inbound message rewrote the index.
DROP INDEX `threads_assignee_idx`;--> statement-breakpoint
DROP INDEX `threads_inbox_waiting_idx`;--> statement-breakpoint
DROP INDEX `threads_inbox_activity_idx`;--> statement-breakpoint
DROP INDEX `threads_inbox_priority_idx`;--> statement-breakpoint
DROP INDEX `threads_assignee_waiting_idx`;--> statement-breakpoint
DROP INDEX `threads_assignee_activity_idx`;--> statement-breakpoint
DROP INDEX `threads_assignee_priority_idx`;--> statement-breakpoint
CREATE INDEX `threads_assignee_idx` ON `threads` (`assignee_id`,`status`,`team_id`,`merged_into_thread_id`);--> statement-breakpoint
CREATE INDEX `threads_inbox_waiting_idx` ON `threads` (`status`,coalesce("waiting_since", 9000000000000),`id`,`team_id`,`assignee_id`,`merged_into_thread_id`);--> statement-breakpoint
CREATE INDEX `threads_inbox_activity_idx` ON `threads` (`status`,`last_message_at`,`id`,`team_id`,`assignee_id`,`merged_into_thread_id`);--> statement-breakpoint
CREATE INDEX `threads_inbox_priority_idx` ON `threads` (`status`,(case "priority" when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end) * 10000000000000 + coalesce("waiting_since", 9000000000000),`id`,`team_id`,`assignee_id`,`merged_into_thread_id`);--> statement-breakpoint
CREATE INDEX `threads_assignee_waiting_idx` ON `threads` (`assignee_id`,`status`,coalesce("waiting_since", 9000000000000),`id`,`team_id`) WHERE "merged_into_thread_id" is null;--> statement-breakpoint
CREATE INDEX `threads_assignee_activity_idx` ON `threads` (`assignee_id`,`status`,`last_message_at`,`id`,`team_id`) WHERE "merged_into_thread_id" is null;--> statement-breakpoint
CREATE INDEX `threads_assignee_priority_idx` ON `threads` (`assignee_id`,`status`,(case "priority" when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end) * 10000000000000 + coalesce("waiting_since", 9000000000000),`id`,`team_id`) WHERE "merged_into_thread_id" is null;
