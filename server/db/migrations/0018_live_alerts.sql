CREATE TABLE `alert_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`kind` text NOT NULL,
	`threshold` integer NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_rules_team_kind_uq` ON `alert_rules` (`team_id`,`kind`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`kind` text NOT NULL,
	`threshold` integer NOT NULL,
	`value` integer NOT NULL,
	`fired_at` integer NOT NULL,
	`cleared_at` integer,
	`acked_at` integer,
	`acked_by` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acked_by`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_crossing_uq` ON `alerts` (`team_id`,`kind`) WHERE cleared_at is null;--> statement-breakpoint
CREATE INDEX `alerts_team_fired_idx` ON `alerts` (`team_id`,`fired_at`);--> statement-breakpoint
CREATE INDEX `events_sentiment_alerted_idx` ON `events` (`created_at`) WHERE type = 'sentiment.alerted';--> statement-breakpoint
CREATE INDEX `sla_alerts_breach_idx` ON `sla_alerts` (`fired_at`) WHERE fraction >= 1;