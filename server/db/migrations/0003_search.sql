-- Message search (see docs/search.md). Bodies are tokenised in JavaScript (server/domain/search/tokens.ts,
-- Intl.Segmenter for Thai and Chinese, folded Latin) and stored as space-separated tokens, so FTS5 only
-- splits on spaces. Marks (M*) must count as token characters or Thai vowel signs would split words.
-- Contentless: the text lives in `messages`; rowid = messages.id; contentless_delete lets erase remove rows.
CREATE VIRTUAL TABLE `message_search` USING fts5(`body`, tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'", content = '', contentless_delete = 1);
--> statement-breakpoint
-- Back-fill of messages written before this migration: tokenising needs JavaScript, so the migration
-- leaves a marker and openDatabase indexes the existing rows in batches (server/db/searchIndex.ts).
CREATE TABLE `search_backfill` (`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1), `after_id` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `search_backfill` (`id`, `after_id`) SELECT 1, 0 WHERE EXISTS (SELECT 1 FROM `messages`);
