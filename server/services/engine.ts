import type pg from 'pg';
import { transactWithEvents, type PgNewEvent } from '#server/db/pg/eventLog';
import { runAsync } from '#server/db/engine/pgRunner';
import { runSync } from '#server/db/engine/sqliteRunner';
import type { Q } from '#server/db/engine/statement';
import type { LoggedEvent, NewEvent } from '#shared/schemas/events';
import type { EventPublisher, RoutedEvent, ServiceDeps } from './deps';
import { transact, type EmitFn } from './tx';
import { queueWebhookQ } from './webhooks/queueQ';
import { webhookOf } from './webhooks/queue';

// The engine-neutral transaction boundary (docs/engine-port.md). A converted service is a query
// generator; these run it. On SQLite the generator runs inside today's synchronous transact(), so
// nesting, group commit and publishing after the outermost commit are exactly as before. On
// PostgreSQL it runs in one transaction on a pool connection whose events are appended last, under
// the event log's lock (seq order = commit order), and published after COMMIT.

/** Where a node's data lives: the SQLite file (through today's ServiceDeps) or a PostgreSQL pool. */
export type Engine = { kind: 'sqlite'; deps: ServiceDeps } | { kind: 'postgres'; pool: pg.Pool };

/** What converted services need: the engine, the publisher and the clock. */
export interface EngineDeps {
  engine: Engine;
  publisher: EventPublisher;
  now: () => number;
}

const ofSqlite = new WeakMap<ServiceDeps, EngineDeps>();

/** The engine-neutral view of SQLite service deps (one per deps object). */
export function engineDeps(deps: ServiceDeps): EngineDeps {
  let d = ofSqlite.get(deps);
  if (!d) ofSqlite.set(deps, (d = { engine: { kind: 'sqlite', deps }, publisher: deps.publisher, now: deps.now }));
  return d;
}

/** Engine deps over a PostgreSQL pool (see openPgPool for how it reads numbers). */
export function pgEngineDeps(pool: pg.Pool, publisher: EventPublisher, now: () => number): EngineDeps {
  return { engine: { kind: 'postgres', pool }, publisher, now };
}

/**
 * Runs `fn`'s generator in one write transaction, as transact() does; events it emits are published
 * after the outermost commit, never on rollback. On SQLite the whole transaction has run when this
 * returns (the promise is only how the result is handed back).
 */
export async function transactQ<T>(d: EngineDeps, fn: (emit: EmitFn) => Q<T>): Promise<T> {
  const e = d.engine;
  if (e.kind === 'sqlite') return transact(e.deps, (_tx, emit) => runSync(e.deps.db.$client, fn(emit)));
  const { result, events } = await transactWithEvents(e.pool, async (client, push) => {
    const held: PgNewEvent[] = [];
    const emit: EmitFn = (event, rooms, threadId = null) =>
      void held.push({ type: event.type, threadId, rooms, payload: event, createdAt: d.now() });
    const out = await runAsync(client, fn(emit));
    // Outbound webhooks are queued in the transaction of their event, as on SQLite.
    for (const h of held) {
      const hook = webhookOf(h.payload as NewEvent);
      if (hook) await runAsync(client, queueWebhookQ(hook.event, hook.data, h.createdAt));
      push(h);
    }
    return out;
  });
  if (events.length > 0) d.publisher.publish(events.map(routed));
  return result;
}

function routed(e: PgNewEvent & { seq: number }): RoutedEvent {
  return { event: { ...(e.payload as NewEvent), seq: e.seq } as LoggedEvent, rooms: e.rooms };
}

/** Runs a read-only query generator outside any transaction (each statement sees the latest commits). */
export async function readQ<T>(d: EngineDeps, q: Q<T>): Promise<T> {
  const e = d.engine;
  if (e.kind === 'sqlite') return runSync(e.deps.db.$client, q);
  const client = await e.pool.connect();
  try {
    return await runAsync(client, q);
  } finally {
    client.release();
  }
}
