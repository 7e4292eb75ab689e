import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { asc } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { copySqliteToPostgres } from '#scripts/db/copyToPostgres';
import type { CopySummary } from '#scripts/db/verifyCopy';
import * as pgSchema from '#server/db/pg/schema';
import * as lite from '#server/db/schema';
import { seedDemoWorkspace } from '#server/services/demo/seed';
import { insertTestAdmin, tempDb } from '#tests/helpers/db';
import { pgTestDatabase, type PgTestDb } from '#tests/helpers/pg';

/** Tables whose every row is compared as the typed drizzle handles of both engines read it. */
const SAMPLED = [
  'agents',
  'teams',
  'customers',
  'identities',
  'threads',
  'episodes',
  'messages',
  'events',
  'settings',
] as const;

/** The counters triggers keep, compared between engines after the same writes on both. */
const KEPT = [
  'threads',
  'thread_reads',
  'thread_tallies',
  'channel_tallies',
  'agent_unread',
  'board_tallies',
  'agent_tallies',
  'board_minutes',
  'board_sla',
  'board_waits',
  'board_wait_versions',
];

/** The same writes, in SQL both engines accept: resolve, reassign and re-team threads, read marks, a new message. */
const WRITES = [
  "update threads set status = 'resolved', waiting_since = null where id in (select id from threads where status = 'open' order by id limit 3)",
  'update threads set assignee_id = (select min(id) from agents) where id in (select id from threads order by id desc limit 4)',
  'update threads set team_id = null where id = (select max(id) from threads)',
  'delete from thread_reads where thread_id = (select min(thread_id) from thread_reads)',
  `insert into messages (thread_id, direction, channel, text, received_at, sort_ts)
     select id, 'inbound', 'sms', 'one more', 1800000000000, 1800000000000 from threads order by id limit 1`,
  "update threads set status = 'open', waiting_since = 1800000000000 where id = (select min(id) from threads)",
];

describe('npm run migrate:sqlite-to-postgres', () => {
  let target: PgTestDb;
  let file: string;
  let cleanup: () => void;
  let summary: CopySummary;
  let client: pg.Client;

  beforeAll(async () => {
    const t = tempDb();
    insertTestAdmin(t.db);
    await seedDemoWorkspace(t.db, Date.UTC(2026, 10, 20, 9, 0, 0));
    t.db.$client.close();
    file = t.file;
    cleanup = () => t.cleanup();
    target = await pgTestDatabase();
    summary = await copySqliteToPostgres({ from: file, to: target.url, batchRows: 97 });
    client = new pg.Client({ connectionString: target.url });
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await target?.drop();
    cleanup?.();
  });

  it('copies every table with the same row counts and the same messages', () => {
    const l = new Database(file, { readonly: true });
    for (const t of [
      'agents',
      'customers',
      'threads',
      'episodes',
      'messages',
      'events',
      'audit_log',
      'message_search',
    ]) {
      const n = (l.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n;
      expect(summary.rows[t], t).toBe(n);
    }
    expect(summary.rows.messages).toBeGreaterThan(200);
    expect(summary.rows.message_search).toBeGreaterThan(100);
    l.close();
  });

  it('holds rows that read back, typed, exactly as SQLite holds them', async () => {
    const l = new Database(file, { readonly: true });
    const { drizzle: liteDrizzle } = await import('drizzle-orm/better-sqlite3');
    const fromLite = liteDrizzle(l, { schema: lite });
    const fromPg = drizzle({ client, schema: pgSchema });
    for (const name of SAMPLED) {
      const lt = lite[name];
      const pt = pgSchema[name];
      const key = 'id' in lt ? 'id' : 'seq' in lt ? 'seq' : 'key';
      const a = await fromLite
        .select()
        .from(lt)
        .orderBy(asc((lt as never)[key]));
      const b = await fromPg
        .select()
        .from(pt)
        .orderBy(asc((pt as never)[key]));
      expect(b, name).toEqual(a);
    }
    l.close();
  });

  it('moves identity sequences past the copied ids and turns the triggers back on', async () => {
    const { rows } = await client.query<{ id: string; max: string }>(
      "insert into customers (name, created_at, updated_at) values ('New', 1, 1) returning id, (select max(id) from customers) as max",
    );
    expect(Number(rows[0].id)).toBe(summary.rows.customers + 1);
    await client.query("insert into audit_log (at, action) values (1, 'customer.viewed')");
    await expect(client.query('update audit_log set at = 0')).rejects.toThrow(/append-only/);
  });

  it('refuses a database that already holds a workspace', async () => {
    await expect(copySqliteToPostgres({ from: file, to: target.url })).rejects.toThrow(/not empty/);
  });

  it("keeps the counters as SQLite's triggers do after the same writes on both engines", async () => {
    const l = new Database(file);
    l.pragma('foreign_keys = ON');
    // Rows in a fixed order whatever the engine's collation; PostgreSQL's bigints come back as strings.
    const sorted = (rows: Record<string, unknown>[]) =>
      rows
        .map((r) =>
          JSON.stringify(
            Object.entries(r)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v]),
          ),
        )
        .sort();
    const counters = async () => [
      ...sorted((await client.query('select * from board_tallies')).rows),
      ...sorted((await client.query('select * from board_waits')).rows),
    ];
    const before = await counters();
    for (const w of WRITES) {
      l.prepare(w).run();
      await client.query(w);
    }
    expect(await counters(), 'the writes move the board counters').not.toEqual(before);
    for (const t of KEPT) {
      const a = l.prepare(`select * from "${t}"`).all() as Record<string, unknown>[];
      expect(sorted((await client.query(`select * from "${t}"`)).rows), t).toEqual(sorted(a));
    }
    l.close();
  });
});
