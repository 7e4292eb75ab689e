import { describe, expect, it } from 'vitest';
import { searchBody } from '#server/db/searchIndex';
import { useMigratedPg } from '#tests/helpers/pgMigrated';

// The token string searchBody stores is indexed as it is on both engines: FTS5 splits it on spaces,
// PostgreSQL's message_search index (migrations-pg 0001) makes it a tsvector, which refuses a lexeme
// over 2,047 bytes ("word is too long") and with it the whole INSERT — the message's transaction.
// A message with such a word (a pasted run of letters, a long Thai run the segmenter cannot split)
// must still be stored and indexed, and searchable by its other words, the same on both engines.

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

  it('keep every word PostgreSQL can index', () => {
    const word = 'b'.repeat(2_047);
    expect(searchBody({ id: 1, direction: 'inbound', text: `hello ${word}` })).toBe(`hello ${word}`);
  });
});
