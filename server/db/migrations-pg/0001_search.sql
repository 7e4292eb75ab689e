-- Hand-written: PostgreSQL counterpart of SQLite migration 0003 (FTS5 `message_search` and the
-- `search_backfill` marker; neither is a drizzle table). Bodies are tokenised in JavaScript
-- (server/domain/search/tokens.ts) and stored as space-separated tokens, so the index takes the
-- tokens exactly as they are (array_to_tsvector: no parser, no stemming), as FTS5 only splits on
-- spaces there. rowid = messages.id and body may be NULL, as in SQLite.
CREATE TABLE "message_search" (
	"rowid" bigint PRIMARY KEY NOT NULL,
	"body" text
);
--> statement-breakpoint
CREATE INDEX "message_search_tokens_idx" ON "message_search" USING gin (array_to_tsvector(string_to_array("body", ' ')));
--> statement-breakpoint
CREATE TABLE "search_backfill" (
	"id" bigint PRIMARY KEY NOT NULL CHECK ("id" = 1),
	"after_id" bigint NOT NULL
);
