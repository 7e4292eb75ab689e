import { afterEach, describe, expect, it } from 'vitest';
import { ingestInbound } from '#server/services/ingest';
import { searchMessages } from '#server/services/search/messages';
import { backfillSearchIndex } from '#server/db/searchIndex';
import { SearchQuerySchema } from '#shared/schemas/search';
import { reopenDb, testDeps, tempDb } from '#tests/helpers/db';
import { inbound, makeAgent } from '#tests/factories';
import type { Db } from '#server/db/connection';

const admin = { id: 1, role: 'admin' as const, teamIds: [] };
const find = (db: Db, q: string) =>
  searchMessages(db, admin, SearchQuerySchema.parse({ q, limit: 100 })).hits.map((h) => h.messageId);

let cleanup: () => void = () => undefined;
afterEach(() => cleanup());

/** A database with messages, an empty index and the marker: the state the search migration leaves. */
function beforeMigration() {
  const t = tempDb();
  cleanup = t.cleanup;
  makeAgent(t.db, { id: 1, role: 'admin' });
  const { deps } = testDeps(t.db);
  const ids = Array.from({ length: 9 }, (_, i) => {
    const r = ingestInbound(deps, inbound('telegram', `c${i % 3}`, i % 2 ? `退款 ${i}` : `zwrot ${i}`));
    return r.messageId;
  });
  t.db.$client.exec(`insert into message_search (message_search) values ('delete-all');
    insert into search_backfill (id, after_id) values (1, 0);`);
  expect(find(t.db, '退款')).toEqual([]);
  return { t, ids };
}
const marker = (db: Db) => db.$client.prepare('select after_id as afterId from search_backfill').all();

describe('search index back-fill', () => {
  it('indexes messages written before the search migration when the database is opened', () => {
    const { t, ids } = beforeMigration();
    t.db.$client.close();
    const again = reopenDb(t.dir);
    cleanup = again.cleanup;
    expect(find(again.db, '退款')).toHaveLength(4);
    expect(find(again.db, 'zwrot')).toHaveLength(5);
    expect(find(again.db, '8')).toEqual([ids[8]]);
    expect(marker(again.db)).toEqual([]);
  });

  it('works in batches and records progress so an interrupted start resumes', () => {
    const { t, ids } = beforeMigration();
    const client = t.db.$client;
    const indexed = client.prepare(
      "select count(*) as n from message_search where message_search match 'zwrot OR 退款'",
    );
    // Pretend the first batches were done by an earlier, interrupted start.
    client.prepare('update search_backfill set after_id = ?').run(ids[3]);
    expect(backfillSearchIndex(client, 2)).toBe(5);
    expect(indexed.get()).toEqual({ n: 5 });
    expect(marker(t.db)).toEqual([]);
    expect(backfillSearchIndex(client, 2)).toBe(0);
  });
});
