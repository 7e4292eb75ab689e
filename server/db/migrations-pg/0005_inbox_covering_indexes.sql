DROP INDEX "threads_assignee_idx";--> statement-breakpoint
DROP INDEX "threads_inbox_waiting_idx";--> statement-breakpoint
DROP INDEX "threads_inbox_activity_idx";--> statement-breakpoint
DROP INDEX "threads_inbox_priority_idx";--> statement-breakpoint
DROP INDEX "threads_assignee_waiting_idx";--> statement-breakpoint
DROP INDEX "threads_assignee_activity_idx";--> statement-breakpoint
DROP INDEX "threads_assignee_priority_idx";--> statement-breakpoint
CREATE INDEX "threads_assignee_idx" ON "threads" USING btree ("assignee_id","status","team_id","merged_into_thread_id");--> statement-breakpoint
CREATE INDEX "threads_inbox_waiting_idx" ON "threads" USING btree ("status",(coalesce("waiting_since", 9000000000000)),"id","team_id","assignee_id","merged_into_thread_id");--> statement-breakpoint
CREATE INDEX "threads_inbox_activity_idx" ON "threads" USING btree ("status","last_message_at","id","team_id","assignee_id","merged_into_thread_id");--> statement-breakpoint
CREATE INDEX "threads_inbox_priority_idx" ON "threads" USING btree ("status",((case "priority" when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end) * 10000000000000 + coalesce("waiting_since", 9000000000000)),"id","team_id","assignee_id","merged_into_thread_id");--> statement-breakpoint
CREATE INDEX "threads_assignee_waiting_idx" ON "threads" USING btree ("assignee_id","status",(coalesce("waiting_since", 9000000000000)),"id","team_id") WHERE "merged_into_thread_id" is null;--> statement-breakpoint
CREATE INDEX "threads_assignee_activity_idx" ON "threads" USING btree ("assignee_id","status","last_message_at","id","team_id") WHERE "merged_into_thread_id" is null;--> statement-breakpoint
CREATE INDEX "threads_assignee_priority_idx" ON "threads" USING btree ("assignee_id","status",((case "priority" when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end) * 10000000000000 + coalesce("waiting_since", 9000000000000)),"id","team_id") WHERE "merged_into_thread_id" is null;