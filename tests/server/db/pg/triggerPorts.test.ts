import { describe, expect, it } from 'vitest';
import { useMigratedPg } from '#tests/helpers/pgMigrated';
import { prng } from '#tests/helpers/prng';
import { tempDb } from '#tests/helpers/db';

// The counters of the inbox and the floor board are kept by triggers: SQLite's (migrations 0008, 0010,
// 0019-0024) and their hand-written PostgreSQL ports (migrations-pg 0003, 0004). The same writes —
// random thread moves, status and team changes, merges, messages in and moved, read marks, episodes,
// SLA crossings — run as the same SQL on both engines must leave the same counters.

/** The kept counters, sorted, numbers as numbers (node-postgres reads bigint as text). */
const COUNTERS: Record<string, string> = {
  inbound: 'select id, inbound_count from threads order by id',
  reads: 'select agent_id, thread_id, read_inbound_count from thread_reads order by 1, 2',
  unread: 'select agent_id, n from agent_unread order by 1',
  threadTallies: 'select team_key, status, unassigned, n from thread_tallies order by 1, 2, 3',
  channelTallies: 'select team_key, status, channel, n from channel_tallies order by 1, 2, 3',
  boardTallies: 'select team_key, channel, status, unassigned, waiting, n from board_tallies order by 1, 2, 3, 4, 5',
  agentTallies: 'select agent_id, status, waiting, negative, n from agent_tallies order by 1, 2, 3, 4',
  minutes: 'select team_key, minute, arrivals, resolutions from board_minutes order by 1, 2',
  sla: 'select thread_id, kind, team_key, channel, clock_started_at, fraction from board_sla order by 1, 2',
  waits: 'select team_key, channel, level, bucket, n from board_waits order by 1, 2, 3, 4',
  versions: 'select team_key, channel, v from board_wait_versions order by 1, 2',
};

const norm = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.values(r).map((v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));

/** A random but reproducible stream of writes, as SQL both engines accept. */
function writes(seed: number, steps: number): string[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const out: string[] = [
    `insert into agents (id, email, name, password_hash, role, password_changed_at, created_at) values
      (1, 'a1@x', 'A1', 'x', 'agent', 0, 0), (2, 'a2@x', 'A2', 'x', 'agent', 0, 0), (3, 'a3@x', 'A3', 'x', 'agent', 0, 0)`,
    `insert into teams (id, name, created_at) values (1, 'T1', 0), (2, 'T2', 0)`,
  ];
  const T = 10;
  const channels = ['sms', 'email', 'telegram', 'line'];
  const lit = (v: number | string | null) => (v === null ? 'null' : typeof v === 'number' ? String(v) : `'${v}'`);
  let now = 1_790_000_000_000;
  for (let i = 1; i <= T; i++) {
    out.push(`insert into customers (id, name, created_at, updated_at) values (${i}, 'C${i}', 0, 0)`);
    out.push(
      `insert into threads (id, customer_id, status, team_id, assignee_id, waiting_since, last_inbound_channel, channels,
        last_message_at, created_at, updated_at) values (${i}, ${i}, '${pick(['open', 'pending', 'resolved'])}',
        ${lit(pick([1, 2, null]))}, ${lit(pick([1, 2, 3, null]))}, ${lit(pick([now - i * 61_000, null]))},
        ${lit(pick([...channels, null]))}, '["sms"]', ${now}, 0, 0)`,
    );
  }
  let messageId = 0;
  let episodeId = 0;
  const episodes: number[] = [];
  for (let s = 0; s < steps; s++) {
    now += Math.floor(rand() * 90_000);
    const th = 1 + Math.floor(rand() * T);
    const r = rand();
    if (r < 0.25) {
      const ch = pick(channels);
      out.push(
        `insert into messages (id, thread_id, direction, channel, text, received_at, sort_ts) values
          (${++messageId}, ${th}, '${pick(['inbound', 'inbound', 'outbound', 'note'])}', '${ch}', 'm', ${now}, ${now})`,
      );
    } else if (r < 0.35 && messageId > 0) {
      const agent = pick([1, 2, 3]);
      const mark = 1 + Math.floor(rand() * messageId);
      out.push(
        `insert into thread_reads (agent_id, thread_id, last_read_message_id) values (${agent}, ${th}, ${mark})
          on conflict (agent_id, thread_id) do update set last_read_message_id = excluded.last_read_message_id`,
      );
    } else if (r < 0.4) {
      out.push(`delete from thread_reads where agent_id = ${pick([1, 2, 3])} and thread_id = ${th}`);
    } else if (r < 0.5) {
      out.push(`update threads set status = '${pick(['open', 'pending', 'snoozed', 'resolved'])}' where id = ${th}`);
    } else if (r < 0.56) {
      out.push(`update threads set team_id = ${lit(pick([1, 2, null]))} where id = ${th}`);
    } else if (r < 0.62) {
      out.push(`update threads set assignee_id = ${lit(pick([1, 2, 3, null]))} where id = ${th}`);
    } else if (r < 0.68) {
      out.push(
        `update threads set waiting_since = ${lit(pick([now - Math.floor(rand() * 7_200_000), null]))} where id = ${th}`,
      );
    } else if (r < 0.72) {
      out.push(
        `update threads set last_inbound_channel = ${lit(pick(channels))}, channels = '${JSON.stringify([...new Set([pick(channels), pick(channels)])])}',
          last_sentiment_label = ${lit(pick(['negative', 'neutral', null]))} where id = ${th}`,
      );
    } else if (r < 0.77) {
      // A merge (only merged_into_thread_id changes) and, now and then, its undoing.
      const into = 1 + ((th + Math.floor(rand() * (T - 1))) % T);
      out.push(
        rand() < 0.6
          ? `update threads set merged_into_thread_id = ${into} where id = ${th} and merged_into_thread_id is null and id <> ${into}`
          : `update threads set merged_into_thread_id = null where id = ${th}`,
      );
    } else if (r < 0.81 && messageId > 0) {
      out.push(`update messages set thread_id = ${th} where id = ${1 + Math.floor(rand() * messageId)}`);
    } else if (r < 0.86) {
      episodes.push(++episodeId);
      out.push(
        `insert into episodes (id, thread_id, number, opened_at, team_id) values (${episodeId}, ${th}, ${episodeId}, ${now}, ${lit(pick([1, 2, null]))})`,
      );
      out.push(`update threads set current_episode_id = ${episodeId} where id = ${th}`);
    } else if (r < 0.9 && episodes.length > 0) {
      out.push(
        `update episodes set resolved_at = ${lit(pick([now, null]))}, team_id = ${lit(pick([1, 2, null]))} where id = ${pick(episodes)}`,
      );
    } else if (r < 0.96 && episodes.length > 0) {
      // An SLA crossing of the thread's running clock (the trigger decides whether it is on the board).
      const kind = pick(['first_response', 'next_response', 'resolution']);
      const fraction = pick([0.5, 0.75, 1]);
      out.push(
        `insert into sla_alerts (thread_id, episode_id, kind, clock_started_at, fraction, due_at, fired_at)
          select id, current_episode_id, '${kind}', coalesce(waiting_since, 0), ${fraction}, ${now}, ${now}
          from threads where id = ${th} and current_episode_id is not null
          on conflict do nothing`,
      );
    } else if (messageId > 0) {
      out.push(`delete from messages where id = ${1 + Math.floor(rand() * messageId)}`);
    }
  }
  return out;
}

describe('trigger ports', () => {
  const db = useMigratedPg();

  it('keep the same counters on PostgreSQL as on SQLite after the same 3,000 random writes', async () => {
    const t = tempDb();
    try {
      const sqlite = t.db.$client;
      const kinds = new Set<string>();
      const compare = async (at: number) => {
        for (const [name, q] of Object.entries(COUNTERS)) {
          const lite = norm(sqlite.prepare(q).all() as Record<string, unknown>[]);
          const pgRows = norm((await db.client().query(q)).rows as Record<string, unknown>[]);
          expect(pgRows, `${name} after ${at} writes`).toEqual(lite);
          if (lite.length > 0) kinds.add(name);
        }
      };
      const stream = writes(5, 3_000);
      for (const [i, s] of stream.entries()) {
        sqlite.prepare(s).run();
        await db.client().query(s);
        if (i % 250 === 249) await compare(i + 1);
      }
      await compare(stream.length);
      // Every counter held rows at some point.
      expect([...kinds].sort()).toEqual(Object.keys(COUNTERS).sort());
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
