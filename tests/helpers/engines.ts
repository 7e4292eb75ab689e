import type pg from 'pg';
import { openDatabase } from '#server/db/connection';
import { openPgPool } from '#server/db/engine/pgRunner';
import { get, statement } from '#server/db/engine/statement';
import { migratePostgres } from '#server/db/pg/migrate';
import { nobodyOnline, type EventPublisher, type RoutedEvent } from '#server/services/deps';
import { engineDeps, pgEngineDeps, readQ, type EngineDeps } from '#server/services/engine';
import { pgTestDatabase } from './pg';

// Tests of engine-neutral services run once per engine (docs/engine-port.md): SQLite in memory with
// the real migrations, and a fresh PostgreSQL database with the checked-in PostgreSQL migrations.

/** The engines a converted service is tested on, SQLite first. */
export const ENGINES = ['sqlite', 'postgres'] as const;

/** One engine under test: the deps of two nodes (the same on SQLite), what each published, and clean-up. */
export interface EngineFixture {
  kind: (typeof ENGINES)[number];
  /** Node A: the deps services take. */
  a: EngineDeps;
  /** Node B: a second pool on the same PostgreSQL database (on SQLite, node A again: one writer). */
  b: EngineDeps;
  /** Everything published, by either node, in publish order. */
  published: RoutedEvent[];
  /** Runs one statement on node A (seeding and checks). */
  one: <R>(sql: string, params?: Record<string, unknown>) => Promise<R | undefined>;
  close: () => Promise<void>;
}

const NOW = 1_700_000_000_000;
let n = 0;

/** Opens a fresh database of `kind`, migrated, with a clock fixed at NOW unless told otherwise. */
export async function openEngine(kind: EngineFixture['kind'], now = () => NOW): Promise<EngineFixture> {
  const published: RoutedEvent[] = [];
  const publisher: EventPublisher = { publish: (events) => void published.push(...events) };
  let a: EngineDeps;
  let b: EngineDeps;
  let close: () => Promise<void>;
  if (kind === 'sqlite') {
    const db = openDatabase(':memory:');
    a = b = engineDeps({ db, publisher, presence: nobodyOnline, now });
    close = async () => void db.$client.close();
  } else {
    const pgdb = await pgTestDatabase();
    await migratePostgres(pgdb.url);
    const pools: pg.Pool[] = [openPgPool(pgdb.url, 4), openPgPool(pgdb.url, 4)];
    a = pgEngineDeps(pools[0]!, publisher, now);
    b = pgEngineDeps(pools[1]!, publisher, now);
    close = async () => {
      await Promise.all(pools.map((p) => p.end()));
      await pgdb.drop();
    };
  }
  // Ad-hoc statements get a name of their own each (PostgreSQL prepares by name).
  const one = <R>(sql: string, params: Record<string, unknown> = {}) =>
    readQ(a, get(statement<Record<string, unknown>, R>(`test.${++n}`, sql), params));
  return { kind, a, b, published, one, close };
}
