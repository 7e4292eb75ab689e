CREATE TABLE `agent_teams` (
	`agent_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `team_id`),
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `agents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`capacity` integer DEFAULT 10 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`presence` text DEFAULT 'offline' NOT NULL,
	`password_changed_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agents_email_unique` ON `agents` (`email`);--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`callback_url` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `canned_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shortcut` text NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`team_id` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `canned_shortcut_lang_uq` ON `canned_responses` (`shortcut`,`language`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`language` text,
	`time_zone` text,
	`tier` text,
	`merged_into_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `episodes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` integer NOT NULL,
	`number` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` integer,
	`first_response_at` integer,
	`assignee_id` integer,
	`team_id` integer,
	`sentiment_start` real,
	`sentiment_end` real,
	`predicted_wait_ms` integer,
	`survey_kind` text,
	`survey_sent_at` integer,
	`survey_score` integer,
	`survey_answered_at` integer,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `episodes_thread_idx` ON `episodes` (`thread_id`,`number`);--> statement-breakpoint
CREATE TABLE `events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`thread_id` integer,
	`rooms` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_thread_idx` ON `events` (`thread_id`);--> statement-breakpoint
CREATE TABLE `identities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`display_name` text,
	`phone` text,
	`email` text,
	`verified` integer DEFAULT false NOT NULL,
	`meta` text DEFAULT '{}' NOT NULL,
	`last_inbound_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identities_channel_address_uq` ON `identities` (`channel`,`address`);--> statement-breakpoint
CREATE INDEX `identities_phone_idx` ON `identities` (`phone`);--> statement-breakpoint
CREATE INDEX `identities_email_idx` ON `identities` (`email`);--> statement-breakpoint
CREATE INDEX `identities_customer_idx` ON `identities` (`customer_id`);--> statement-breakpoint
CREATE TABLE `merges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_customer_id` integer NOT NULL,
	`source_customer_id` integer NOT NULL,
	`agent_id` integer,
	`moved` text NOT NULL,
	`created_at` integer NOT NULL,
	`undone_at` integer,
	`undone_by` integer,
	FOREIGN KEY (`target_customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` integer NOT NULL,
	`episode_id` integer,
	`direction` text NOT NULL,
	`channel` text,
	`identity_id` integer,
	`author_agent_id` integer,
	`text` text NOT NULL,
	`html` text,
	`subject` text,
	`attachments` text DEFAULT '[]' NOT NULL,
	`provider_message_id` text,
	`provider_ts` integer,
	`received_at` integer NOT NULL,
	`sort_ts` integer NOT NULL,
	`delivery_status` text,
	`delivery_error` text,
	`is_auto` integer DEFAULT false NOT NULL,
	`waited_ms` integer,
	`client_id` text,
	`sentiment_score` real,
	`sentiment_label` text,
	`language` text,
	`system_kind` text,
	`meta` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`identity_id`) REFERENCES `identities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_provider_uq` ON `messages` (`channel`,`provider_message_id`);--> statement-breakpoint
CREATE INDEX `messages_thread_sort_idx` ON `messages` (`thread_id`,`sort_ts`,`id`);--> statement-breakpoint
CREATE INDEX `messages_episode_idx` ON `messages` (`episode_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_client_uq` ON `messages` (`author_agent_id`,`client_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`channel` text NOT NULL,
	`identity_id` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`identity_id`) REFERENCES `identities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_message_id_unique` ON `outbox` (`message_id`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`agent_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_agent_idx` ON `sessions` (`agent_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sla_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`match` text DEFAULT '{}' NOT NULL,
	`first_response_ms` integer,
	`next_response_ms` integer,
	`resolution_ms` integer,
	`business_hours` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`auto_assign` integer DEFAULT false NOT NULL,
	`business_hours` text,
	`settings` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_unique` ON `teams` (`name`);--> statement-breakpoint
CREATE TABLE `thread_reads` (
	`agent_id` integer NOT NULL,
	`thread_id` integer NOT NULL,
	`last_read_message_id` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `thread_id`),
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `threads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`status` text NOT NULL,
	`snoozed_until` integer,
	`assignee_id` integer,
	`team_id` integer,
	`priority` text DEFAULT 'normal' NOT NULL,
	`current_episode_id` integer,
	`waiting_since` integer,
	`last_agent_reply_at` integer,
	`last_inbound_at` integer,
	`last_message_at` integer NOT NULL,
	`last_message_id` integer,
	`last_message_preview` text DEFAULT '' NOT NULL,
	`last_inbound_channel` text,
	`last_inbound_identity_id` integer,
	`channels` text DEFAULT '[]' NOT NULL,
	`last_sentiment_score` real,
	`last_sentiment_label` text,
	`merged_into_thread_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `threads_customer_uq` ON `threads` (`customer_id`);--> statement-breakpoint
CREATE INDEX `threads_waiting_idx` ON `threads` (`waiting_since`,`id`);--> statement-breakpoint
CREATE INDEX `threads_activity_idx` ON `threads` (`last_message_at`,`id`);--> statement-breakpoint
CREATE INDEX `threads_assignee_idx` ON `threads` (`assignee_id`,`status`);--> statement-breakpoint
CREATE INDEX `threads_team_idx` ON `threads` (`team_id`,`status`);