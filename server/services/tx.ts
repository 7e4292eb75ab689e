import { statements } from '#server/db/statements';
import type { Db } from '#server/db/connection';
import type { NewEvent } from '#shared/schemas/events';
import type { RoutedEvent, ServiceDeps } from './deps';
import { queueWebhook, webhookOf } from './webhooks/queue';

/** The transaction handle services write through. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Appends an event to the log inside the running transaction. */
export type EmitFn = (event: NewEvent, rooms: string[], threadId?: number | null) => void;

/** Events and after-commit work waiting for the transaction they belong to to commit. */
export interface Held {
  events: RoutedEvent[];
  after: Array<() => void>;
}

// Per connection, the open frames, outermost first: a group commit's (commitGroup.ts), then one per
// running transact(). A frame whose work commits hands what it holds to the frame around it, or —
// when no transaction is open any more — publishes it.
const frames = new WeakMap<object, Held[]>();

function stackOf(deps: ServiceDeps): Held[] {
  const client = deps.db.$client;
  let stack = frames.get(client);
  if (!stack) frames.set(client, (stack = []));
  return stack;
}

/** Hand a committed frame's work on: to the frame around it while a transaction is still open, else out. */
function release(deps: ServiceDeps, stack: Held[], held: Held): void {
  const outer = stack.at(-1);
  if (outer && deps.db.$client.inTransaction) {
    outer.events.push(...held.events);
    outer.after.push(...held.after);
    return;
  }
  if (held.events.length > 0) deps.publisher.publish(held.events);
  for (const fn of held.after) fn();
}

/**
 * Run `fn` in one synchronous IMMEDIATE transaction (a savepoint when one is already open); events it
 * emits are written to the log in the same transaction (with any outbound webhook deliveries) and
 * published only after the outermost transaction commits — never if it rolls back. Never pass an async callback.
 */
export function transact<T>(deps: ServiceDeps, fn: (tx: Tx, emit: EmitFn) => T): T {
  const stack = stackOf(deps);
  const held: Held = { events: [], after: [] };
  stack.push(held);
  let result: T;
  try {
    result = deps.db.transaction(
      (tx) => {
        held.events.length = 0;
        held.after.length = 0;
        const emit: EmitFn = (event, rooms, threadId = null) => {
          const row = statements(tx).insertEvent.get({
            type: event.type,
            threadId,
            rooms,
            payload: event,
            createdAt: deps.now(),
          }) as { seq: number };
          held.events.push({ event: { ...event, seq: row.seq }, rooms });
          // Outbound webhooks are queued with the event, so a rolled-back change sends nothing.
          const hook = webhookOf(event);
          if (hook) queueWebhook(tx, hook.event, hook.data, deps.now());
        };
        const out = fn(tx, emit);
        if (out instanceof Promise) throw new Error('transact() callback must be synchronous');
        return out;
      },
      { behavior: 'immediate' },
    );
  } finally {
    stack.pop();
  }
  release(deps, stack, held);
  return result;
}

/**
 * Run `fn` once what the caller wrote is committed: at once outside any transaction, else after the
 * outermost transaction (or group commit) around it commits — and never if that rolls back.
 */
export function afterCommit(deps: ServiceDeps, fn: () => void): void {
  const outer = stackOf(deps).at(-1);
  if (outer && deps.db.$client.inTransaction) outer.after.push(fn);
  else fn();
}

/**
 * Run `fn` in one IMMEDIATE transaction in which every transact() is a savepoint whose events and
 * after-commit work are held, not published; returns them for the caller to release after commit.
 */
export function transactHeld<T>(deps: ServiceDeps, fn: () => T): { result: T; held: Held } {
  const stack = stackOf(deps);
  if (stack.length > 0 || deps.db.$client.inTransaction) throw new Error('transactHeld() cannot be nested');
  const held: Held = { events: [], after: [] };
  stack.push(held);
  try {
    return { result: deps.db.$client.transaction(fn).immediate(), held };
  } finally {
    stack.pop();
  }
}

/** True for FOREIGN KEY violations (a referenced row, e.g. a team, does not exist): SQLite's code or PostgreSQL's 23503. */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/**
 * True for UNIQUE / PRIMARY KEY violations (used for the one retry on races): SQLite's codes or
 * PostgreSQL's 23505 — where the violation also aborts the transaction, so a retry needs a savepoint.
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
