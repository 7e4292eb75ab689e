import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cases from '#tests/fixtures/search/cases.json' with { type: 'json' };
import { ingestInbound } from '#server/services/ingest';
import { searchMessages } from '#server/services/search/messages';
import { SearchQuerySchema } from '#shared/schemas/search';
import { serviceDb } from '#tests/helpers/db';
import { inbound } from '#tests/factories';

// The independent fixture (tests/fixtures/search/cases.json) ingested through the real ingest path
// into a real SQLite file; every search must return exactly the listed messages.
let world: ReturnType<typeof serviceDb>;
const keyOf = new Map<number, string>();

beforeAll(() => {
  world = serviceDb();
  cases.messages.forEach((m, i) => {
    const r = ingestInbound(world.env.deps, inbound('telegram', `fixture-${i}`, m.text));
    if (r.status !== 'stored') throw new Error(`${m.key} was not stored`);
    keyOf.set(r.messageId, m.key);
  });
});
afterAll(() => world.t.cleanup());

describe('search fixture', () => {
  it.each(cases.searches.map((s) => [s.q, s] as const))('%s', (_q, s) => {
    const page = searchMessages(world.t.db, world.admin, SearchQuerySchema.parse({ q: s.q, limit: 100 }));
    expect(page.hits.map((h) => keyOf.get(h.messageId)).sort()).toEqual([...s.expect].sort());
    expect(page.nextCursor).toBeNull();
  });
});
