CREATE TABLE `board_wait_versions` (
	`team_key` integer NOT NULL,
	`channel` text NOT NULL,
	`v` integer NOT NULL,
	PRIMARY KEY(`team_key`, `channel`)
);
--> statement-breakpoint
-- Hand-written: board_wait_versions is bumped by these triggers in the writing transaction (see
-- server/db/tables/liveBoard.ts). Every change to who waits on a team or channel, or since when,
-- changes one of its board_waits minute rows (migration 0021), so a key whose version has not moved
-- has the same waiting customers it had when the board last read its oldest and median waits.
-- (A row is deleted only after an update brought it to 0, which bumped the version already; a
-- recount deletes every row and inserts the new ones, which bumps every key that has anyone waiting.)
CREATE TRIGGER `board_waits_version_insert` AFTER INSERT ON `board_waits` WHEN new.level = 0 BEGIN
  INSERT INTO board_wait_versions (team_key, channel, v) VALUES (new.team_key, new.channel, 1)
    ON CONFLICT (team_key, channel) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
CREATE TRIGGER `board_waits_version_update` AFTER UPDATE ON `board_waits` WHEN new.level = 0 BEGIN
  INSERT INTO board_wait_versions (team_key, channel, v) VALUES (new.team_key, new.channel, 1)
    ON CONFLICT (team_key, channel) DO UPDATE SET v = v + 1;
END;--> statement-breakpoint
-- The keys that have customers waiting now start at version 1.
INSERT INTO board_wait_versions (team_key, channel, v) SELECT DISTINCT team_key, channel, 1 FROM board_waits;
