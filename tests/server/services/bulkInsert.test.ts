import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { teams } from '#server/db/schema';
import { insertIgnoring } from '#server/services/bulkInsert';
import { tempDb } from '#tests/helpers/db';

let t: ReturnType<typeof tempDb>;
afterEach(() => t.cleanup());

describe('insertIgnoring (the back-fills’ prepared insert)', () => {
  it('stores a row exactly as drizzle’s insert does, and ignores a conflicting one', () => {
    t = tempDb();
    const hours = { timeZone: 'Asia/Bangkok', weekly: { mon: [[540, 1020]] }, holidays: [] };
    const base = {
      autoAssign: true,
      businessHours: hours,
      settings: { surveyKind: 'csat' },
      createdAt: 1_700_000_000_000,
    };
    t.db
      .insert(teams)
      .values({ ...base, name: 'drizzle' })
      .run();
    const insert = insertIgnoring(t.db.$client, teams);
    expect(insert({ ...base, name: 'prepared' })).toBe(true);
    expect(insert({ ...base, name: 'prepared', autoAssign: false })).toBe(false); // UNIQUE name: ignored
    expect(insert({ name: 'defaults', createdAt: 1 })).toBe(true); // unlisted columns take their SQL defaults

    const raw = (name: string) => {
      const {
        id: _id,
        name: _name,
        ...rest
      } = t.db.$client.prepare('select * from teams where name = ?').get(name) as Record<string, unknown>;
      return rest;
    };
    expect(raw('prepared')).toEqual(raw('drizzle'));
    const read = (name: string) => t.db.select().from(teams).where(eq(teams.name, name)).get();
    expect(read('prepared')?.businessHours).toEqual(hours);
    expect(read('prepared')?.autoAssign).toBe(true);
    expect(read('defaults')?.autoAssign).toBe(false);
  });
});
