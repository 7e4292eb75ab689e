import { eq } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { messages, threads } from '#server/db/schema';
import type { MessageRow, ThreadRow } from '#server/db/mappers';
import type { Tx } from './tx';

// The one-row updates the services write again and again (change a thread or a message by id and
// go on with the row as written: to emit it, summarise it or record a system entry).

/** Update the thread `id` with `set` and return the row as written. */
export const updateThread = (tx: Tx, id: number, set: SQLiteUpdateSetSource<typeof threads>): ThreadRow =>
  tx.update(threads).set(set).where(eq(threads.id, id)).returning().get();

/** Update the message `id` with `set` and return the row as written. */
export const updateMessage = (tx: Tx, id: number, set: SQLiteUpdateSetSource<typeof messages>): MessageRow =>
  tx.update(messages).set(set).where(eq(messages.id, id)).returning().get();
