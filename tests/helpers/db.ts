import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '#server/db/connection';
import { makeAgent } from '#tests/factories';
import {
  nobodyOnline,
  type EventPublisher,
  type PresenceView,
  type RoutedEvent,
  type ServiceDeps,
} from '#server/services/deps';

/** A real SQLite file in a fresh temp dir, with the real migrations applied. */
export function tempDb(): { db: Db; file: string; dir: string; cleanup: () => void } {
  return reopenDb(mkdtempSync(join(tmpdir(), 'braid-test-')));
}

/** A publisher that records what would have been broadcast. */
export function recordingPublisher(): EventPublisher & { events: RoutedEvent[] } {
  const events: RoutedEvent[] = [];
  return { events, publish: (e) => void events.push(...e) };
}

/** Service deps over a db with a controllable clock and a recording publisher. */
export function testDeps(db: Db, start = Date.UTC(2026, 10, 23, 9, 0, 0), presence: PresenceView = nobodyOnline) {
  const clock = { now: start };
  const publisher = recordingPublisher();
  const deps: ServiceDeps = { db, publisher, presence, now: () => clock.now };
  return { deps, clock, publisher };
}

/** Open the database in an existing data dir (a restart); cleanup deletes the dir. */
export function reopenDb(dir: string): { db: Db; file: string; dir: string; cleanup: () => void } {
  const file = join(dir, 'braid.db');
  const db = openDatabase(file);
  return {
    db,
    file,
    dir,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Insert the admin agent (id 1) that service-level tests act as. */
export function insertTestAdmin(db: Db): { id: number; role: 'admin'; teamIds: number[] } {
  makeAgent(db, { id: 1, email: 'a@x', name: 'Ada', role: 'admin' });
  return { id: 1, role: 'admin', teamIds: [] };
}

/** A service-test world: a fresh database, deps with a fake clock, and the admin (id 1) acting. */
export function serviceDb() {
  const t = tempDb();
  return { t, env: testDeps(t.db), admin: insertTestAdmin(t.db) };
}
