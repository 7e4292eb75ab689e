import { eq } from 'drizzle-orm';
import type { Presence } from '#shared/schemas/common';
import { agents } from '#server/db/schema';
import type { Db } from '#server/db/connection';

/** Remember agents' presence (one transaction) so lists and reports show it while they are offline. */
export function savePresences(db: Db, changes: ReadonlyArray<{ agentId: number; presence: Presence }>): void {
  if (changes.length === 0) return;
  db.transaction((tx) => {
    for (const c of changes) tx.update(agents).set({ presence: c.presence }).where(eq(agents.id, c.agentId)).run();
  });
}
