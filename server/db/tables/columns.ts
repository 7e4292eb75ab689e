// The column groups the tables repeat, declared once. Each helper builds exactly the column the
// tables spelled out before (same SQL type, constraints and default), so the schema is unchanged.
import { sql } from 'drizzle-orm';
import { integer, real, text, type ReferenceConfig } from 'drizzle-orm/sqlite-core';
import { CHANNEL_KINDS } from '#shared/channels';
import { THREAD_STATUSES } from '#shared/schemas/common';

/** `id integer primary key autoincrement`. */
export const id = () => integer('id').primaryKey({ autoIncrement: true });

/** A required integer: an epoch-ms time, a key part or an amount. */
export const int = <N extends string>(name: N) => integer(name).notNull();

/** A counter that starts at 0. */
export const count = <N extends string>(name: N) => integer(name).notNull().default(0);

/** `created_at`, required (epoch ms). */
export const createdAt = () => int('created_at');

/** `created_at` and `updated_at`, both required (epoch ms). */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: int('updated_at') });

/**
 * Which node holds a job and until when (epoch ms): how several nodes sharing PostgreSQL claim outbox
 * rows (server/db/pg/outboxClaims.ts). Unused — always null — on the one-node SQLite engine.
 */
export const jobLease = () => ({ claimedBy: text('claimed_by'), leaseUntil: integer('lease_until') });

/** A required foreign key to `target` (a lazy reference, so tables may point at each other). */
export const ref = <N extends string>(name: N, target: ReferenceConfig['ref'], actions?: ReferenceConfig['actions']) =>
  integer(name).notNull().references(target, actions);

/** A primary key that is also a foreign key to `target`: one row per target row (a fact of an episode). */
export const refKey = <N extends string>(name: N, target: ReferenceConfig['ref']) =>
  integer(name).primaryKey().references(target);

/** A JSON array, `'[]'` by default. */
export const jsonList = <T, N extends string = string>(name: N) =>
  text(name, { mode: 'json' })
    .$type<T[]>()
    .notNull()
    .default(sql`'[]'`);

/** A JSON object, `'{}'` by default. */
export const jsonObject = <T = unknown, N extends string = string>(name: N) =>
  text(name, { mode: 'json' })
    .$type<T>()
    .notNull()
    .default(sql`'{}'`);

/** A channel kind (nullable: add `.notNull()` where every row has one). */
export const channel = <N extends string>(name: N) => text(name, { enum: CHANNEL_KINDS });

/** A channel kind as a key part, required: '' stands for none, so that the key never holds NULL. */
export const channelKey = () => text('channel', { enum: CHANNEL_KEYS }).notNull();
const CHANNEL_KEYS = [...CHANNEL_KINDS, ''] as const;

/** A team as a key part, required: 0 stands for no team, so that the key never holds NULL. */
export const teamKey = () => int('team_key');

/** How many the row counts: the figure of a tally that triggers keep. */
export const tally = () => int('n');

/** The first-handling counters kept per scope: the agent's, the team's and anyone's. */
export const handledCounts = () => ({
  handledAgent: count('handled_agent'),
  handledTeam: count('handled_team'),
  handledAll: count('handled_all'),
});

/** The counted-once episode counters kept per scope: the agent's, the team's and anyone's. */
export const episodeCounts = () => ({
  episodesAgent: count('episodes_agent'),
  episodesTeam: count('episodes_team'),
  episodesAll: count('episodes_all'),
});

/** An episode's sentiment arc: the customer's sentiment when it opened and when it ended. */
export const sentimentArc = () => ({ sentimentStart: real('sentiment_start'), sentimentEnd: real('sentiment_end') });

/** A thread status, required. */
export const threadStatus = () => text('status', { enum: THREAD_STATUSES }).notNull();
