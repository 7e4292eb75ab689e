import { and, asc, desc, eq, gt, isNull, lt, max, or, sql, type SQL } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db } from './connection';
import { byParam, p, params, selectFields, selectRows } from './statementParts';
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

/** Identities sharing a cross-channel key (phone or email), oldest first: identity resolution links to those. */
function identitiesMatching(db: Db, column: typeof identities.phone | typeof identities.email, name: string) {
  const fields = { id: identities.id, customerId: identities.customerId };
  // Only proven contact facts attract other identities: a claimed email links nothing.
  return selectFields(
    db,
    fields,
    identities,
    and(byParam(column, name), eq(identities.verified, true)),
    asc(identities.id),
  );
}

// A page of a thread's messages, newest first; the cursor is the (sortTs, id) after which to continue.
function messagesPage(db: Db, after?: SQL) {
  return db
    .select()
    .from(messages)
    .where(and(byParam(messages.threadId, 'threadId'), after))
    .orderBy(desc(messages.sortTs), desc(messages.id))
    .limit(p('limit'))
    .prepare();
}

function prepareAll(db: Db) {
  return {
    duplicate: selectFields(
      db,
      { id: messages.id, threadId: messages.threadId },
      messages,
      and(byParam(messages.channel, 'channel'), byParam(messages.providerMessageId, 'pmid')),
    ),
    // The thread's customer and team (the duplicate check, the acknowledgement's pre-check).
    threadCustomer: selectFields(
      db,
      { customerId: threads.customerId, teamId: threads.teamId },
      threads,
      byParam(threads.id),
    ),
    lastEventSeq: selectFields(db, { m: max(events.seq) }, events, undefined),
    threadById: selectRows(db, threads, byParam(threads.id)),
    customerById: selectRows(db, customers, byParam(customers.id)),
    identitiesOfCustomer: selectRows(db, identities, byParam(identities.customerId, 'customerId'), asc(identities.id)),
    episodesOfThread: selectRows(db, episodes, byParam(episodes.threadId, 'threadId'), asc(episodes.number)),
    newestMessages: messagesPage(db),
    messagesBefore: messagesPage(
      db,
      or(lt(messages.sortTs, p('ts')), and(eq(messages.sortTs, p('ts')), lt(messages.id, p('id')))),
    ),
    threadByCustomer: selectRows(db, threads, byParam(threads.customerId, 'customerId')),
    identityExact: selectRows(
      db,
      identities,
      and(byParam(identities.channel, 'channel'), byParam(identities.address, 'address')),
    ),
    identitiesByPhone: identitiesMatching(db, identities.phone, 'phone'),
    identitiesByEmail: identitiesMatching(db, identities.email, 'email'),
    customerName: selectFields(db, { id: customers.id, name: customers.name }, customers, byParam(customers.id)),
    slaPolicies: selectRows(db, slaPolicies, undefined, asc(slaPolicies.id)),
    // The stored JSON texts: teamConfig parses each distinct text once, not on every read.
    teamConfig: selectFields(
      db,
      { businessHours: sql<string | null>`${teams.businessHours}`, settings: sql<string | null>`${teams.settings}` },
      teams,
      byParam(teams.id),
    ),
    teamAutoAssign: selectFields(db, { autoAssign: teams.autoAssign }, teams, byParam(teams.id)),
    setting: selectRows(db, settings, byParam(settings.key, 'key')),
    episodeById: selectRows(db, episodes, byParam(episodes.id)),
    customerTier: selectFields(db, { tier: customers.tier }, customers, byParam(customers.id)),
    alertsOfEpisode: selectRows(db, slaAlerts, byParam(slaAlerts.episodeId, 'episodeId')),
    // One SLA crossing recorded (the start-up catch-up writes thousands).
    insertSlaAlert: db
      .insert(slaAlerts)
      .values(params(['threadId', 'episodeId', 'kind', 'clockStartedAt', 'fraction', 'dueAt', 'firedAt']))
      .prepare(),
    session: db
      .select({ s: sessions, a: agents })
      .from(sessions)
      .innerJoin(agents, eq(agents.id, sessions.agentId))
      .where(and(byParam(sessions.idHash, 'idHash'), gt(sessions.expiresAt, p('now'))))
      .prepare(),
    teamIdsOfAgent: selectFields(db, { t: agentTeams.teamId }, agentTeams, byParam(agentTeams.agentId, 'agentId')),
    liveApiKey: selectRows(db, apiKeys, and(byParam(apiKeys.keyHash, 'keyHash'), isNull(apiKeys.revokedAt))),
    insertEvent: db
      .insert(events)
      .values(params(['type', 'threadId', 'rooms', 'payload', 'createdAt']))
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
