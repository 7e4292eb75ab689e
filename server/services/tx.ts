import { statements } from '#server/db/statements';
import type { Db } from '#server/db/connection';
import type { LoggedEvent, NewEvent } from '#shared/schemas/events';
import type { RoutedEvent, ServiceDeps } from './deps';
import { queueWebhook, webhookOf } from './webhooks/queue';

/** The transaction handle services write through. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Appends an event to the log inside the running transaction. */
export type EmitFn = (event: NewEvent, rooms: string[], threadId?: number | null) => void;

/**
 * Run `fn` in one synchronous IMMEDIATE transaction; events it emits are written to the log
 * in the same transaction (with any outbound webhook deliveries) and published only after commit. Never pass an async callback.
 */
export function transact<T>(deps: ServiceDeps, fn: (tx: Tx, emit: EmitFn) => T): T {
  const pending: RoutedEvent[] = [];
  const result = deps.db.transaction(
    (tx) => {
      pending.length = 0;
      const emit: EmitFn = (event, rooms, threadId = null) => {
        const row = statements(tx).insertEvent.get({
          type: event.type,
          threadId,
          rooms,
          payload: event,
          createdAt: deps.now(),
        }) as { seq: number };
        pending.push({ event: { ...event, seq: row.seq } as LoggedEvent, rooms });
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
  if (pending.length > 0) deps.publisher.publish(pending);
  return result;
}

/** True for SQLite FOREIGN KEY violations (a referenced row, e.g. a team, does not exist). */
export function isForeignKeyViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** True for SQLite UNIQUE / PRIMARY KEY violations (used for the one retry on races). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
