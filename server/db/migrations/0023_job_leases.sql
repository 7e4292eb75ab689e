ALTER TABLE `outbox` ADD `claimed_by` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `lease_until` integer;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `claimed_by` text;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `lease_until` integer;