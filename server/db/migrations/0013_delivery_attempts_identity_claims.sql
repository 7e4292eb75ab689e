CREATE TABLE `identity_suggestions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`identity_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`matched_by` text NOT NULL,
	`status` text NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`identity_id`) REFERENCES `identities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identity_suggestions_pair_uq` ON `identity_suggestions` (`identity_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `identity_suggestions_customer_idx` ON `identity_suggestions` (`customer_id`,`status`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempt_started_at` integer;--> statement-breakpoint
-- Claimed contact facts (API-channel phone/email) are no longer proof: such identities stop matching others.
UPDATE `identities` SET `verified` = 0 WHERE `channel` = 'api' AND (`phone` IS NOT NULL OR `email` IS NOT NULL);--> statement-breakpoint
UPDATE `identities` SET `verified` = 1 WHERE `channel` IN ('webchat', 'api') AND `phone` IS NULL AND `email` IS NULL;
