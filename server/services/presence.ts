import { eq } from 'drizzle-orm';
import type { Presence } from '#shared/schemas/common';
import { agents } from '#server/db/schema';
import type { Db } from '#server/db/connection';

/** Remember an agent's presence so lists and reports show it while the agent is offline. */
export function savePresence(db: Db, agentId: number, presence: Presence): void {
  db.update(agents).set({ presence }).where(eq(agents.id, agentId)).run();
}
