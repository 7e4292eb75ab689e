ALTER TABLE `episode_facts` ADD `handled_agent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `episode_facts` ADD `handled_team` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `episode_facts` ADD `handled_all` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `episode_facts` ADD `reopened` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reply_facts` ADD `episodes_agent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reply_facts` ADD `episodes_team` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reply_facts` ADD `episodes_all` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reply_facts` ADD `handled_agent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reply_facts` ADD `handled_team` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reply_facts` ADD `handled_all` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `episodes_opened_cover_idx` ON `episodes` (`opened_at`,`id`,`thread_id`,`resolved_at`,`sentiment_start`);--> statement-breakpoint
CREATE INDEX `messages_positive_inbound_idx` ON `messages` (`episode_id`,`sort_ts`,`id`) WHERE "messages"."direction" = 'inbound' and "messages"."sentiment_label" = 'positive';