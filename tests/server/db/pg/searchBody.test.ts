import { describe, expect, it } from 'vitest';
import { indexMessage, searchBody } from '#server/db/searchIndex';
import { parseSearch, toFtsMatch } from '#server/domain/search/query';
import { tempDb } from '#tests/helpers/db';
import { useMigratedPg } from '#tests/helpers/pgMigrated';

/** The `i`-th five-letter word (aaaaa, aaaab, …): distinct words that tokenize to themselves. */
const word = (i: number) => {
  let w = '';
  for (let k = 0; k < 5; k++, i = Math.floor(i / 26)) w = String.fromCharCode(97 + (i % 26)) + w;
  return w;
};

// PostgreSQL's tsvector holds at most 1,048,575 bytes of distinct words: 209,715 five-letter ones.
const FIT = 1_048_575 / 5;

// The token string searchBody stores is indexed as it is on both engines: FTS5 splits it on spaces,
// PostgreSQL's message_search index (migrations-pg 0001) makes it a tsvector, which refuses a lexeme
// over 2,047 bytes ("word is too long") and with it the whole INSERT — the message's transaction.
// A message with such a word (a pasted run of letters, a long Thai run the segmenter cannot split)
// must still be stored and indexed, and searchable by its other words, the same on both engines. So
// must a message whose distinct words exceed the 1,048,575 bytes a tsvector holds ("string is too
// long for tsvector"): its body keeps the words up to there, on both engines.

describe('search bodies on PostgreSQL', () => {
  const db = useMigratedPg();

  it('are indexed whatever the length of a word, and found by their other words', async () => {
    const texts = [
      `refund please ${'a'.repeat(2_048)} order 88213`,
      `คืนเงิน ${'ฮ'.repeat(700)} ด่วน`,
      `${'x'.repeat(683)}ł${'y'.repeat(1_400)} zwrot`,
    ];
    for (const [i, text] of texts.entries()) {
      const body = searchBody({ id: i + 1, direction: 'inbound', text });
      expect(body).not.toBeNull();
      await db.client().query('insert into message_search (rowid, body) values ($1, $2)', [i + 1, body]);
    }
    const found = async (token: string) =>
      (
        await db.client().query<{ rowid: string }>(
          `select rowid from message_search
            where array_to_tsvector(string_to_array(body, ' ')) @@ to_tsquery('simple', $1) order by rowid`,
          [token],
        )
      ).rows.map((r) => Number(r.rowid));
    expect(await found('refund')).toEqual([1]);
    expect(await found('88213')).toEqual([1]);
    expect(await found('zwrot')).toEqual([3]);
  });

  it('of a 3 MB email of distinct words are indexed up to the tsvector limit, the same on SQLite', async () => {
    const words = Array.from({ length: 500_000 }, (_, i) => word(i));
    const text = words.join(' ');
    expect(text.length).toBeGreaterThan(2_999_000);
    // Uncapped, PostgreSQL refuses the row, and with it the message's transaction.
    await expect(db.client().query('insert into message_search (rowid, body) values (99, $1)', [text])).rejects.toThrow(
      /too long for tsvector/,
    );

    const body = searchBody({ id: 11, direction: 'inbound', text, subject: null });
    expect(body).toBe(words.slice(0, FIT).join(' '));
    await db.client().query('insert into message_search (rowid, body) values (11, $1)', [body]);
    const lite = tempDb();
    try {
      indexMessage(lite.db, { id: 11, direction: 'inbound', text });
      const inLite = (w: string) =>
        lite.db.$client
          .prepare('select rowid from message_search where message_search match ?')
          .all(toFtsMatch(parseSearch(w)))
          .map((r) => Number((r as { rowid: number }).rowid));
      const inPg = async (w: string) =>
        (
          await db.client().query<{ rowid: string }>(
            `select rowid from message_search
              where rowid = 11 and array_to_tsvector(string_to_array(body, ' ')) @@ to_tsquery('simple', $1)`,
            [w],
          )
        ).rows.map((r) => Number(r.rowid));
      for (const [w, hits] of [
        [word(0), [11]],
        [word(FIT - 1), [11]],
        [word(FIT), []],
        [word(499_999), []],
      ] as const) {
        expect(await inPg(w), w).toEqual(hits);
        expect(inLite(w), w).toEqual(hits);
      }
    } finally {
      lite.cleanup();
    }
  }, 120_000);

  it('of a 1.5 MB email of recurring words keep every word: only distinct words count', async () => {
    const text = Array.from({ length: 250_000 }, (_, i) => word(i % 1_000)).join(' ');
    const body = searchBody({ id: 12, direction: 'inbound', text });
    expect(body).toBe(text);
    await db.client().query('insert into message_search (rowid, body) values (12, $1)', [body]);
  }, 60_000);

  it('keep every word PostgreSQL can index', () => {
    const long = 'b'.repeat(2_047);
    expect(searchBody({ id: 1, direction: 'inbound', text: `hello ${long}` })).toBe(`hello ${long}`);
  });
});
