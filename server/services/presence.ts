import type Database from 'better-sqlite3';
import type { Presence } from '#shared/schemas/common';
import type { Db } from '#server/db/connection';

const statements = new WeakMap<Database.Database, Database.Statement<{ id: number; presence: Presence }>>();

/** Remember agents' presence (one transaction, one prepared statement) so lists and reports show it while they are offline. */
export function savePresences(db: Db, changes: ReadonlyArray<{ agentId: number; presence: Presence }>): void {
  if (changes.length === 0) return;
  const sqlite = db.$client;
  let update = statements.get(sqlite);
  if (!update)
    statements.set(sqlite, (update = sqlite.prepare('update agents set presence = :presence where id = :id')));
  const st = update;
  sqlite.transaction(() => {
    for (const c of changes) st.run({ id: c.agentId, presence: c.presence });
  })();
}
