import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { pgTestDatabase, type PgTestDb } from '#tests/helpers/pg';

/**
 * Creates the columns the PostgreSQL primitives read and write, named as in server/db/tables/, in an
 * empty test database — a stand-in until the checked-in PostgreSQL migrations can be applied instead.
 */
export async function createPrimitiveTables(pool: pg.Pool): Promise<void> {
  await pool.query(`
    create table events (
      seq bigserial primary key,
      type text not null,
      thread_id bigint,
      rooms text not null,
      payload text not null,
      created_at bigint not null
    );
    create table customers (
      id bigserial primary key,
      name text not null,
      created_at bigint not null,
      updated_at bigint not null
    );
    create table identities (
      id bigserial primary key,
      customer_id bigint not null references customers(id),
      channel text not null,
      address text not null,
      created_at bigint not null
    );
    create unique index identities_channel_address_uq on identities (channel, address);
    create table threads (
      id bigserial primary key,
      customer_id bigint not null references customers(id),
      status text not null default 'open',
      snoozed_until bigint,
      updated_at bigint not null default 0
    );
    create unique index threads_customer_uq on threads (customer_id);
    create table messages (
      id bigserial primary key,
      thread_id bigint not null references threads(id),
      channel text,
      provider_message_id text,
      text text not null
    );
    create unique index messages_provider_uq on messages (channel, provider_message_id);
    create table outbox (
      id bigserial primary key,
      message_id bigint not null unique,
      status text not null,
      attempts integer not null default 0,
      attempt_started_at bigint,
      next_attempt_at bigint not null,
      last_error text,
      claimed_by text,
      lease_until bigint,
      updated_at bigint not null default 0
    );
    create index outbox_due_idx on outbox (status, next_attempt_at);
    create table sla_alerts (
      id bigserial primary key,
      thread_id bigint not null,
      episode_id bigint not null,
      kind text not null,
      clock_started_at bigint not null,
      fraction real not null,
      due_at bigint not null,
      fired_at bigint not null
    );
    create unique index sla_alerts_uq on sla_alerts (episode_id, kind, clock_started_at, fraction);
    create table episodes (
      id bigserial primary key,
      thread_id bigint not null,
      survey_kind text,
      survey_sent_at bigint
    );
  `);
}

/** A test file's own database with the primitives' tables and a pool of `max` connections, dropped after the file. */
export function usePrimitiveDatabase(max: number): { readonly db: PgTestDb; readonly pool: pg.Pool } {
  const ctx = {} as { db: PgTestDb; pool: pg.Pool };
  beforeAll(async () => {
    ctx.db = await pgTestDatabase();
    ctx.pool = new pg.Pool({ connectionString: ctx.db.url, max });
    await createPrimitiveTables(ctx.pool);
  });
  afterAll(async () => {
    await ctx.pool?.end();
    await ctx.db?.drop();
  });
  return ctx;
}
