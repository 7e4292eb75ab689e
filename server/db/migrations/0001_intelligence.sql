CREATE TABLE `sla_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` integer NOT NULL,
	`episode_id` integer NOT NULL,
	`kind` text NOT NULL,
	`clock_started_at` integer NOT NULL,
	`fraction` real NOT NULL,
	`due_at` integer NOT NULL,
	`fired_at` integer NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sla_alerts_uq` ON `sla_alerts` (`episode_id`,`kind`,`clock_started_at`,`fraction`);--> statement-breakpoint
ALTER TABLE `episodes` ADD `paused_since` integer;--> statement-breakpoint
ALTER TABLE `episodes` ADD `paused_ms` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `episodes` ADD `paused_business_ms` integer DEFAULT 0 NOT NULL;