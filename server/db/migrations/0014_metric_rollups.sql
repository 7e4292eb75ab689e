CREATE TABLE `duration_rollups` (
	`day` integer NOT NULL,
	`team_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`kind` text NOT NULL,
	`clock` text NOT NULL,
	`h0` integer DEFAULT 0 NOT NULL,
	`h1` integer DEFAULT 0 NOT NULL,
	`h2` integer DEFAULT 0 NOT NULL,
	`h3` integer DEFAULT 0 NOT NULL,
	`h4` integer DEFAULT 0 NOT NULL,
	`h5` integer DEFAULT 0 NOT NULL,
	`h6` integer DEFAULT 0 NOT NULL,
	`h7` integer DEFAULT 0 NOT NULL,
	`h8` integer DEFAULT 0 NOT NULL,
	`h9` integer DEFAULT 0 NOT NULL,
	`h10` integer DEFAULT 0 NOT NULL,
	`h11` integer DEFAULT 0 NOT NULL,
	`h12` integer DEFAULT 0 NOT NULL,
	`h13` integer DEFAULT 0 NOT NULL,
	`h14` integer DEFAULT 0 NOT NULL,
	`h15` integer DEFAULT 0 NOT NULL,
	`h16` integer DEFAULT 0 NOT NULL,
	`h17` integer DEFAULT 0 NOT NULL,
	`h18` integer DEFAULT 0 NOT NULL,
	`h19` integer DEFAULT 0 NOT NULL,
	`h20` integer DEFAULT 0 NOT NULL,
	`h21` integer DEFAULT 0 NOT NULL,
	`h22` integer DEFAULT 0 NOT NULL,
	`h23` integer DEFAULT 0 NOT NULL,
	`h24` integer DEFAULT 0 NOT NULL,
	`h25` integer DEFAULT 0 NOT NULL,
	`h26` integer DEFAULT 0 NOT NULL,
	`h27` integer DEFAULT 0 NOT NULL,
	`h28` integer DEFAULT 0 NOT NULL,
	`h29` integer DEFAULT 0 NOT NULL,
	`h30` integer DEFAULT 0 NOT NULL,
	`h31` integer DEFAULT 0 NOT NULL,
	`h32` integer DEFAULT 0 NOT NULL,
	`h33` integer DEFAULT 0 NOT NULL,
	`h34` integer DEFAULT 0 NOT NULL,
	`h35` integer DEFAULT 0 NOT NULL,
	`h36` integer DEFAULT 0 NOT NULL,
	`h37` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`kind`, `clock`, `day`, `team_id`, `agent_id`)
);
--> statement-breakpoint
CREATE TABLE `episode_rollups` (
	`day` integer NOT NULL,
	`team_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`channel` text NOT NULL,
	`resolved` integer DEFAULT 0 NOT NULL,
	`cal` integer DEFAULT 0 NOT NULL,
	`bus` integer DEFAULT 0 NOT NULL,
	`scored` integer DEFAULT 0 NOT NULL,
	`sentiment_sum` real DEFAULT 0 NOT NULL,
	`turned` integer DEFAULT 0 NOT NULL,
	`soured` integer DEFAULT 0 NOT NULL,
	`breached` integer DEFAULT 0 NOT NULL,
	`warned` integer DEFAULT 0 NOT NULL,
	`lift_count` integer DEFAULT 0 NOT NULL,
	`lift_sum` real DEFAULT 0 NOT NULL,
	`improved` integer DEFAULT 0 NOT NULL,
	`worsened` integer DEFAULT 0 NOT NULL,
	`reopened` integer DEFAULT 0 NOT NULL,
	`handled_agent` integer DEFAULT 0 NOT NULL,
	`handled_team` integer DEFAULT 0 NOT NULL,
	`handled_all` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `team_id`, `agent_id`, `channel`)
);
--> statement-breakpoint
CREATE TABLE `reply_rollups` (
	`day` integer NOT NULL,
	`team_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`channel` text NOT NULL,
	`accepted` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`first_count` integer DEFAULT 0 NOT NULL,
	`first_cal` integer DEFAULT 0 NOT NULL,
	`first_bus` integer DEFAULT 0 NOT NULL,
	`next_count` integer DEFAULT 0 NOT NULL,
	`next_cal` integer DEFAULT 0 NOT NULL,
	`next_bus` integer DEFAULT 0 NOT NULL,
	`episodes_agent` integer DEFAULT 0 NOT NULL,
	`episodes_team` integer DEFAULT 0 NOT NULL,
	`episodes_all` integer DEFAULT 0 NOT NULL,
	`handled_agent` integer DEFAULT 0 NOT NULL,
	`handled_team` integer DEFAULT 0 NOT NULL,
	`handled_all` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `team_id`, `agent_id`, `channel`)
);
--> statement-breakpoint
CREATE TABLE `survey_rollups` (
	`day` integer NOT NULL,
	`team_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`answers` integer DEFAULT 0 NOT NULL,
	`score_sum` integer DEFAULT 0 NOT NULL,
	`satisfied` integer DEFAULT 0 NOT NULL,
	`promoters` integer DEFAULT 0 NOT NULL,
	`detractors` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `team_id`, `agent_id`, `channel`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `episode_facts_agent_calendar_idx` ON `episode_facts` (`agent_id`,`calendar_ms`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `episode_facts_team_calendar_idx` ON `episode_facts` (`team_id`,`calendar_ms`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `episode_facts_calendar_idx` ON `episode_facts` (`calendar_ms`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `episode_facts_agent_business_idx` ON `episode_facts` (`agent_id`,`business_ms`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `episode_facts_team_business_idx` ON `episode_facts` (`team_id`,`business_ms`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `episode_facts_business_idx` ON `episode_facts` (`business_ms`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `reply_facts_agent_calendar_idx` ON `reply_facts` (`agent_id`,`is_first`,`calendar_ms`,`at`) WHERE "reply_facts"."waited_from" is not null;--> statement-breakpoint
CREATE INDEX `reply_facts_team_calendar_idx` ON `reply_facts` (`team_id`,`is_first`,`calendar_ms`,`at`) WHERE "reply_facts"."waited_from" is not null;--> statement-breakpoint
CREATE INDEX `reply_facts_calendar_idx` ON `reply_facts` (`is_first`,`calendar_ms`,`at`) WHERE "reply_facts"."waited_from" is not null;--> statement-breakpoint
CREATE INDEX `reply_facts_agent_business_idx` ON `reply_facts` (`agent_id`,`is_first`,`business_ms`,`at`) WHERE "reply_facts"."waited_from" is not null;--> statement-breakpoint
CREATE INDEX `reply_facts_team_business_idx` ON `reply_facts` (`team_id`,`is_first`,`business_ms`,`at`) WHERE "reply_facts"."waited_from" is not null;--> statement-breakpoint
CREATE INDEX `reply_facts_business_idx` ON `reply_facts` (`is_first`,`business_ms`,`at`) WHERE "reply_facts"."waited_from" is not null;