import type { QueryKey } from '@tanstack/react-query';
import type { LoggedEvent } from '#shared/schemas/events';
import { alertQueries } from '#client/api/alerts';
import { customerQueries } from '#client/api/customers';
import { threadQueries } from '#client/api/threads';

/**
 * Where an event's sequence stands: `next` (above every one applied), `late` (below the newest
 * applied but not applied yet), `applied` (a duplicate), `unknown` (too old to remember).
 */
export type SeqVerdict = 'next' | 'late' | 'applied' | 'unknown';

/** The sequences a connection has applied: the newest, and a bounded window of recent ones. */
export interface SeqWindow {
  /** The highest sequence applied (catch-up asks for what came after it). */
  last(): number;
  /** Classify `seq` and, unless it was applied already, record it as applied. */
  mark(seq: number): SeqVerdict;
}

/**
 * Across nodes live events arrive in publish order, not seq order, and a client sees only its rooms'
 * events, so a gap in seqs is normal and says nothing. Every seq at or below `start` (the head the
 * cached data was read after) is in the data; above it the `size` newest applied seqs are kept, and
 * below the oldest kept one (the low-water mark) a seq can no longer be told applied or not.
 */
export function createSeqWindow(start: number, size = 1_000): SeqWindow {
  const applied: number[] = []; // ascending
  let floor = start;
  return {
    last: () => applied.at(-1) ?? start,
    mark(seq) {
      const last = applied.at(-1) ?? start;
      let verdict: SeqVerdict = 'next';
      if (seq > last) applied.push(seq);
      else if (seq <= floor) return seq <= start ? 'applied' : 'unknown';
      else if (applied.includes(seq)) return 'applied';
      else {
        const i = applied.findIndex((s) => s > seq);
        applied.splice(i, 0, seq);
        verdict = 'late';
      }
      if (applied.length > size) floor = applied.shift()!;
      return verdict;
    },
  };
}

/**
 * Events whose handler gives the same cache whatever their order: they only invalidate (team alerts)
 * or change nothing (sentiment alerts), so a late one is simply applied. Every other handler writes a
 * snapshot (a message, a thread summary, a customer, an SLA state) or counts (unread): applied late it
 * could overwrite a newer snapshot or count twice, so instead what it touches is read again.
 */
export const ORDER_FREE: ReadonlySet<LoggedEvent['type']> = new Set([
  'sentiment.alerted',
  'alert.fired',
  'alert.acknowledged',
  'alert.cleared',
]);

/** The queries a late event may have left stale: the inbox lists, and its thread's detail and timeline. */
export function staleKeys(e: LoggedEvent): QueryKey[] {
  if (e.type === 'alert.fired' || e.type === 'alert.acknowledged' || e.type === 'alert.cleared')
    return [[...alertQueries.all(), 'list']];
  const threadId =
    e.type === 'message.created' || e.type === 'message.updated'
      ? e.message.threadId
      : e.type === 'thread.updated'
        ? e.thread.id
        : e.threadId;
  const keys: QueryKey[] = [threadQueries.lists()];
  if (threadId !== null) keys.push(threadQueries.detail(threadId).queryKey, threadQueries.messages(threadId).queryKey);
  if (e.type === 'customer.updated') keys.push(customerQueries.profile(e.customer.id).queryKey);
  return keys;
}
