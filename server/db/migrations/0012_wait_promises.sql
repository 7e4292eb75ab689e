CREATE TABLE `wait_promises` (
	`episode_id` integer PRIMARY KEY NOT NULL,
	`team_id` integer,
	`channel` text,
	`made_at` integer NOT NULL,
	`promised_ms` integer NOT NULL,
	`queue_position` integer NOT NULL,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `wait_promises_team_idx` ON `wait_promises` (`team_id`,`made_at`);--> statement-breakpoint
CREATE INDEX `wait_promises_made_idx` ON `wait_promises` (`made_at`);