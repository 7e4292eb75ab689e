CREATE TABLE `episode_facts` (
	`episode_id` integer PRIMARY KEY NOT NULL,
	`agent_id` integer,
	`team_id` integer,
	`channel` text,
	`opened_at` integer NOT NULL,
	`resolved_at` integer NOT NULL,
	`calendar_ms` integer NOT NULL,
	`business_ms` integer NOT NULL,
	`sentiment_start` real,
	`sentiment_end` real,
	`sentiment_change` text,
	`sla_breaches` integer DEFAULT 0 NOT NULL,
	`sla_warnings` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `episode_facts_agent_idx` ON `episode_facts` (`agent_id`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `episode_facts_team_idx` ON `episode_facts` (`team_id`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `episode_facts_resolved_idx` ON `episode_facts` (`resolved_at`);--> statement-breakpoint
CREATE TABLE `reply_facts` (
	`message_id` integer PRIMARY KEY NOT NULL,
	`episode_id` integer NOT NULL,
	`agent_id` integer,
	`team_id` integer,
	`channel` text,
	`outcome` text NOT NULL,
	`at` integer NOT NULL,
	`waited_from` integer,
	`calendar_ms` integer,
	`business_ms` integer,
	`is_first` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reply_facts_episode_idx` ON `reply_facts` (`episode_id`);--> statement-breakpoint
CREATE INDEX `reply_facts_agent_idx` ON `reply_facts` (`agent_id`,`at`);--> statement-breakpoint
CREATE INDEX `reply_facts_team_idx` ON `reply_facts` (`team_id`,`at`);--> statement-breakpoint
CREATE INDEX `reply_facts_at_idx` ON `reply_facts` (`at`);--> statement-breakpoint
CREATE TABLE `survey_facts` (
	`episode_id` integer PRIMARY KEY NOT NULL,
	`agent_id` integer,
	`team_id` integer,
	`kind` text NOT NULL,
	`score` integer NOT NULL,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_facts_agent_idx` ON `survey_facts` (`agent_id`,`answered_at`);--> statement-breakpoint
CREATE INDEX `survey_facts_team_idx` ON `survey_facts` (`team_id`,`answered_at`);--> statement-breakpoint
CREATE INDEX `survey_facts_answered_idx` ON `survey_facts` (`answered_at`);