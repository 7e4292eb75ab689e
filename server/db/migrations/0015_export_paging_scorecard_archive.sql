ALTER TABLE `scorecards` ADD `archived_at` integer;--> statement-breakpoint
CREATE INDEX `episodes_opened_idx` ON `episodes` (`opened_at`,`id`);