CREATE TABLE `sentiment_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`from_label` text,
	`to_label` text NOT NULL,
	`text` text NOT NULL,
	`language` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sentiment_corrections_message_idx` ON `sentiment_corrections` (`message_id`);