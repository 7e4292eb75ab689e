import { and, asc, desc, eq, gt, isNull, lt, max, or, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db } from './connection';
import {
  agents,
  agentTeams,
  apiKeys,
  customers,
  episodes,
  events,
  identities,
  messages,
  sessions,
  settings,
  slaAlerts,
  slaPolicies,
  teams,
  threads,
} from './schema';

// Hot queries are prepared once per database and reused: building and preparing SQL on every
// call was most of the cost of an ingest (see docs/benchmarks.md). A statement prepared on the
// database runs inside whatever transaction is open on the same connection.

const roots = new WeakMap<Database.Database, Db>();

/** Remember a freshly opened database so transactions can find its prepared statements. */
export function registerDb(db: Db): void {
  roots.set(db.$client, db);
}

/** The database a handle (the database itself or a transaction on it) belongs to. */
export function rootOf(r: object): Db {
  const client = (r as { session?: { client?: Database.Database } }).session?.client;
  const db = client ? roots.get(client) : undefined;
  if (!db) throw new Error('database handle was not opened through openDatabase');
  return db;
}

const p = (name: string) => sql.placeholder(name);

/** Identities sharing a cross-channel key (phone or email), oldest first: identity resolution links to those. */
function identitiesMatching(db: Db, column: typeof identities.phone | typeof identities.email, name: string) {
  return (
    db
      .select({ id: identities.id, customerId: identities.customerId })
      .from(identities)
      // Only proven contact facts attract other identities: a claimed email links nothing.
      .where(and(eq(column, p(name)), eq(identities.verified, true)))
      .orderBy(asc(identities.id))
      .prepare()
  );
}

function prepareAll(db: Db) {
  return {
    duplicate: db
      .select({ id: messages.id, threadId: messages.threadId })
      .from(messages)
      .where(and(eq(messages.channel, p('channel')), eq(messages.providerMessageId, p('pmid'))))
      .prepare(),
    // The thread's customer and team (the duplicate check, the acknowledgement's pre-check).
    threadCustomer: db
      .select({ customerId: threads.customerId, teamId: threads.teamId })
      .from(threads)
      .where(eq(threads.id, p('id')))
      .prepare(),
    lastEventSeq: db
      .select({ m: max(events.seq) })
      .from(events)
      .prepare(),
    threadById: db
      .select()
      .from(threads)
      .where(eq(threads.id, p('id')))
      .prepare(),
    customerById: db
      .select()
      .from(customers)
      .where(eq(customers.id, p('id')))
      .prepare(),
    identitiesOfCustomer: db
      .select()
      .from(identities)
      .where(eq(identities.customerId, p('customerId')))
      .orderBy(asc(identities.id))
      .prepare(),
    episodesOfThread: db
      .select()
      .from(episodes)
      .where(eq(episodes.threadId, p('threadId')))
      .orderBy(asc(episodes.number))
      .prepare(),
    // A page of a thread's messages, newest first; the cursor is the (sortTs, id) after which to continue.
    newestMessages: db
      .select()
      .from(messages)
      .where(eq(messages.threadId, p('threadId')))
      .orderBy(desc(messages.sortTs), desc(messages.id))
      .limit(p('limit'))
      .prepare(),
    messagesBefore: db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.threadId, p('threadId')),
          or(lt(messages.sortTs, p('ts')), and(eq(messages.sortTs, p('ts')), lt(messages.id, p('id')))),
        ),
      )
      .orderBy(desc(messages.sortTs), desc(messages.id))
      .limit(p('limit'))
      .prepare(),
    threadByCustomer: db
      .select()
      .from(threads)
      .where(eq(threads.customerId, p('customerId')))
      .prepare(),
    identityExact: db
      .select()
      .from(identities)
      .where(and(eq(identities.channel, p('channel')), eq(identities.address, p('address'))))
      .prepare(),
    identitiesByPhone: identitiesMatching(db, identities.phone, 'phone'),
    identitiesByEmail: identitiesMatching(db, identities.email, 'email'),
    customerName: db
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(eq(customers.id, p('id')))
      .prepare(),
    slaPolicies: db.select().from(slaPolicies).orderBy(asc(slaPolicies.id)).prepare(),
    // The stored JSON texts: teamConfig parses each distinct text once, not on every read.
    teamConfig: db
      .select({
        businessHours: sql<string | null>`${teams.businessHours}`,
        settings: sql<string | null>`${teams.settings}`,
      })
      .from(teams)
      .where(eq(teams.id, p('id')))
      .prepare(),
    teamAutoAssign: db
      .select({ autoAssign: teams.autoAssign })
      .from(teams)
      .where(eq(teams.id, p('id')))
      .prepare(),
    setting: db
      .select()
      .from(settings)
      .where(eq(settings.key, p('key')))
      .prepare(),
    episodeById: db
      .select()
      .from(episodes)
      .where(eq(episodes.id, p('id')))
      .prepare(),
    customerTier: db
      .select({ tier: customers.tier })
      .from(customers)
      .where(eq(customers.id, p('id')))
      .prepare(),
    alertsOfEpisode: db
      .select()
      .from(slaAlerts)
      .where(eq(slaAlerts.episodeId, p('episodeId')))
      .prepare(),
    // One SLA crossing recorded (the start-up catch-up writes thousands).
    insertSlaAlert: db
      .insert(slaAlerts)
      .values({
        threadId: p('threadId'),
        episodeId: p('episodeId'),
        kind: p('kind'),
        clockStartedAt: p('clockStartedAt'),
        fraction: p('fraction'),
        dueAt: p('dueAt'),
        firedAt: p('firedAt'),
      })
      .prepare(),
    session: db
      .select({ s: sessions, a: agents })
      .from(sessions)
      .innerJoin(agents, eq(agents.id, sessions.agentId))
      .where(and(eq(sessions.idHash, p('idHash')), gt(sessions.expiresAt, p('now'))))
      .prepare(),
    teamIdsOfAgent: db
      .select({ t: agentTeams.teamId })
      .from(agentTeams)
      .where(eq(agentTeams.agentId, p('agentId')))
      .prepare(),
    liveApiKey: db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, p('keyHash')), isNull(apiKeys.revokedAt)))
      .prepare(),
    insertEvent: db
      .insert(events)
      .values({
        type: p('type'),
        threadId: p('threadId'),
        rooms: p('rooms'),
        payload: p('payload'),
        createdAt: p('createdAt'),
      })
      .returning({ seq: events.seq })
      .prepare(),
  };
}

/** A getter for statements `prepare` makes once per database, for the database behind a handle or transaction. */
export function preparedPerDb<T>(prepare: (db: Db) => T): (r: object) => T {
  const byDb = new WeakMap<Db, T>();
  return (r) => {
    const db = rootOf(r);
    let s = byDb.get(db);
    if (s === undefined) {
      s = prepare(db);
      byDb.set(db, s);
    }
    return s;
  };
}

/** The prepared hot statements for the database behind `r` (a database or a transaction). */
export const statements = preparedPerDb(prepareAll);
