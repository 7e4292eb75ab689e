// Keeps the message_search FTS5 table (migration 0003) in step with `messages`. Writers call
// indexMessage inside the transaction that writes the message, so a message is searchable exactly
// when it is committed; erase calls unindexMessage. rowid = messages.id.
import type Database from 'better-sqlite3';
import { tokenize } from '#server/domain/search/tokens';

/** The parts of a message row that are searched. */
export interface IndexedMessage {
  id: number;
  direction: string;
  text: string;
  subject?: string | null;
}

const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(client: Database.Database) {
  return {
    remove: client.prepare('delete from message_search where rowid = ?'),
    insert: client.prepare('insert into message_search (rowid, body) values (?, ?)'),
  };
}

function statementsOf(r: object) {
  const client = (r as { session?: { client?: Database.Database } }).session?.client;
  if (!client) throw new Error('searchIndex needs a drizzle database or transaction handle');
  let s = prepared.get(client);
  if (!s) {
    s = prepare(client);
    prepared.set(client, s);
  }
  return s;
}

// PostgreSQL's index of the same bodies (migrations-pg 0001, a tsvector) refuses a word over 2,047
// UTF-8 bytes and with it the message's whole transaction; such a word (a pasted run of letters) is
// left out on both engines, so both index and find the same words.
const MAX_TOKEN_BYTES = 2_047;
const encoder = new TextEncoder();
const indexable = (token: string) =>
  token.length * 3 <= MAX_TOKEN_BYTES || encoder.encode(token).length <= MAX_TOKEN_BYTES;

// It also refuses a tsvector whose distinct words add up to more than 1,048,575 UTF-8 bytes ("string is
// too long for tsvector"): a long email of distinct words (a pasted log, an encoded attachment) would
// fail its whole ingest. The body keeps its words up to the first new word over that, on both engines.
const MAX_DISTINCT_BYTES = 1_048_575;

/** The longest prefix of `tokens` whose distinct tokens fit in MAX_DISTINCT_BYTES. */
function withinTsvector(tokens: string[]): string[] {
  // Cheap bound first (a UTF-16 unit is at most 3 UTF-8 bytes): almost every message is far below.
  let units = 0;
  for (const t of tokens) units += t.length;
  if (units * 3 <= MAX_DISTINCT_BYTES) return tokens;
  const seen = new Set<string>();
  let bytes = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (seen.has(tokens[i])) continue;
    seen.add(tokens[i]);
    bytes += Buffer.byteLength(tokens[i]);
    if (bytes > MAX_DISTINCT_BYTES) return tokens.slice(0, i);
  }
  return tokens;
}

/** The token string stored for a message (subject first), or null when nothing is searchable. */
export function searchBody(m: IndexedMessage): string | null {
  if (m.direction === 'system') return null;
  const tokens = withinTsvector(tokenize(m.subject ? `${m.subject}\n${m.text}` : m.text).filter(indexable));
  return tokens.length > 0 ? tokens.join(' ') : null;
}

/** Index a message just inserted (inside the transaction that inserted it). */
export function indexMessage(r: object, m: IndexedMessage): void {
  const body = searchBody(m);
  if (body !== null) statementsOf(r).insert.run(m.id, body);
}

/** Re-index a message whose text changed (a voicemail transcript replacing its placeholder). */
export function reindexMessage(r: object, m: IndexedMessage): void {
  statementsOf(r).remove.run(m.id);
  indexMessage(r, m);
}

/** Remove messages from the search index (customer erase). */
export function unindexMessages(r: object, ids: number[]): void {
  const s = statementsOf(r);
  for (const id of ids) s.remove.run(id);
}

/**
 * Index messages that existed before the search migration, in batches, each in its own
 * transaction with the progress marker, so an interrupted start-up resumes where it stopped.
 * Returns how many messages were indexed (0 when there is no back-fill pending).
 */
export function backfillSearchIndex(client: Database.Database, batch = 2000): number {
  const marker = client.prepare('select after_id as afterId from search_backfill where id = 1');
  const page = client.prepare<[number, number], IndexedMessage>(
    'select id, direction, text, subject from messages where id > ? order by id limit ?',
  );
  const advance = client.prepare('update search_backfill set after_id = ? where id = 1');
  const finish = client.prepare('delete from search_backfill where id = 1');
  const s = statementsOf({ session: { client } });
  let done = 0;
  for (;;) {
    const state = marker.get() as { afterId: number } | undefined;
    if (!state) return done;
    const rows = page.all(state.afterId, batch);
    client.transaction(() => {
      for (const m of rows) {
        s.remove.run(m.id);
        const body = searchBody(m);
        if (body !== null) s.insert.run(m.id, body);
      }
      if (rows.length < batch) finish.run();
      else advance.run(rows[rows.length - 1].id);
    })();
    done += rows.length;
  }
}
