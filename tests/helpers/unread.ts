import type { Db } from '#server/db/connection';

/** Unread as it was counted before the counters: an agent's inbound messages of a thread after their read mark. */
export function unreadByCounting(db: Db, agentId: number, threadId: number): number {
  return db.$client
    .prepare(
      `select count(*) from messages m where m.thread_id = ? and m.direction = 'inbound' and m.id >
       coalesce((select last_read_message_id from thread_reads where agent_id = ? and thread_id = ?), 0)`,
    )
    .pluck()
    .get(threadId, agentId, threadId) as number;
}
