import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { pgTestDatabase, type PgTestDb } from '#tests/helpers/pg';
import { migratePostgres } from '#server/db/pg/migrate';
import { readEventsAfter, transactWithEvents } from '#server/db/pg/eventLog';
import { findInboundDuplicate, insertInboundMessage, resolveSender } from '#server/db/pg/ingestRows';
import { claimDeliveries, settleDelivery } from '#server/db/pg/outboxClaims';
import { claimSlaCrossing, claimSurveySend, wakeDueSnoozes } from '#server/db/pg/timerClaims';

// The race tests run on stand-in tables (tables.ts) so they can insert bare rows; this file runs every
// primitive once on the real checked-in PostgreSQL schema (server/db/migrations-pg), so that their SQL —
// columns, types and the UNIQUE indexes their ON CONFLICT clauses name — cannot drift from it.

const NOW = 1_700_000_000_000;

describe('the PostgreSQL primitives on the migrated schema', () => {
  let db: PgTestDb;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await pgTestDatabase();
    await migratePostgres(db.url);
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const one = async (sql: string, v: unknown[]) => Number((await pool.query<{ id: string }>(sql, v)).rows[0]!.id);

  it('stores an inbound message, logs its event, delivers a reply and claims its timers', async () => {
    const { result: ids, events } = await transactWithEvents(pool, async (c, emit) => {
      const sender = await resolveSender(c, { channel: 'sms', address: '+46700000001', customerName: 'Ada', now: NOW });
      const again = await resolveSender(c, { channel: 'sms', address: '+46700000001', customerName: 'Ada', now: NOW });
      expect(again).toEqual({ ...sender, created: false });
      const thread = Number(
        (
          await c.query<{ id: string }>(
            `insert into threads (customer_id, status, snoozed_until, last_message_at, created_at, updated_at)
             values ($1, 'snoozed', $2, $2, $2, $2) returning id`,
            [sender.customerId, NOW - 1],
          )
        ).rows[0]!.id,
      );
      const row = {
        thread_id: thread,
        direction: 'inbound',
        channel: 'sms',
        identity_id: sender.identityId,
        text: 'hi',
      };
      const stamps = { received_at: NOW, sort_ts: NOW };
      const message = await insertInboundMessage(c, { ...row, ...stamps, provider_message_id: 'SM1' });
      expect(message).not.toBeNull();
      expect(await insertInboundMessage(c, { ...row, ...stamps, provider_message_id: 'SM1' })).toBeNull();
      expect(await findInboundDuplicate(c, 'sms', 'SM1')).toEqual({ messageId: message, threadId: thread });
      emit({
        type: 'message.created',
        threadId: thread,
        rooms: ['team:none'],
        payload: { id: message },
        createdAt: NOW,
      });
      return { thread, message: message!, identity: sender.identityId };
    });
    expect(events.map((e) => e.seq)).toEqual([1]);
    expect(await readEventsAfter(pool, 0, 10)).toEqual([
      { seq: 1, type: 'message.created', threadId: ids.thread, payload: { id: ids.message } },
    ]);

    const reply = await one(
      `insert into messages (thread_id, direction, channel, identity_id, text, received_at, sort_ts)
       values ($1, 'outbound', 'sms', $2, 'hello', $3, $3) returning id`,
      [ids.thread, ids.identity, NOW],
    );
    const outboxId = await one(
      `insert into outbox (message_id, channel, identity_id, status, next_attempt_at, created_at, updated_at)
       values ($1, 'sms', $2, 'pending', $3, $3, $3) returning id`,
      [reply, ids.identity, NOW],
    );
    expect(await claimDeliveries(pool, { node: 'A', now: NOW, leaseMs: 60_000, limit: 5 })).toEqual([
      { id: outboxId, inDoubt: false, attemptStartedAt: NOW, attempts: 0 },
    ]);
    expect(await settleDelivery(pool, outboxId, 'A', { status: 'done', attempts: 1 }, NOW + 5)).toBe(true);

    const episode = await one('insert into episodes (thread_id, number, opened_at) values ($1, 1, $2) returning id', [
      ids.thread,
      NOW,
    ]);
    const crossing = {
      threadId: ids.thread,
      episodeId: episode,
      kind: 'first_response' as const,
      clockStartedAt: NOW,
      fraction: 0.5,
      dueAt: NOW + 60_000,
    };
    expect(await claimSlaCrossing(pool, crossing, NOW + 30_000)).toBe(true);
    expect(await claimSlaCrossing(pool, crossing, NOW + 30_001)).toBe(false);
    expect(await claimSurveySend(pool, episode, 'csat', NOW)).toBe(true);
    expect(await claimSurveySend(pool, episode, 'nps', NOW)).toBe(false);
    expect(await wakeDueSnoozes(pool, NOW, 10)).toEqual([ids.thread]);
    expect(await wakeDueSnoozes(pool, NOW, 10)).toEqual([]);
  });
});
