ALTER TABLE `agents` ADD `async_capacity` integer;--> statement-breakpoint
ALTER TABLE `agents` ADD `languages` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `agents` ADD `skills` text DEFAULT '[]' NOT NULL;