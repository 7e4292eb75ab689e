import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import type { Db } from '#server/db/connection';
import type { RedisLink } from '#server/cluster/redis';
import { errorMessage } from '#server/errors';

const JOURNAL = join(dirname(fileURLToPath(import.meta.url)), '../../db/migrations/meta/_journal.json');

/** What readiness depends on besides the database. */
export interface HealthDeps {
  db: Db;
  redis: RedisLink | null;
  /** True once shutdown began: the load balancer should send new work elsewhere. */
  draining: () => boolean;
}

/**
 * GET /healthz — live: the process answers (no dependency is checked, so a database hiccup never
 * gets a node restarted). GET /readyz — ready for work: the database answers, every checked-in
 * migration is applied, Redis answers when configured, and the node is not shutting down; 503 with
 * the failing parts named otherwise.
 */
export function healthRoutes(d: HealthDeps): Router {
  const r = Router();
  let latestMigration: number | null = null;
  r.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  r.get('/readyz', async (_req, res) => {
    latestMigration ??= readLatestMigration();
    const checks: Record<string, string> = {};
    checks.database = attempt(() => void d.db.$client.prepare('select 1').get());
    checks.migrations =
      checks.database === 'ok' ? attempt(() => migrationsApplied(d.db, latestMigration!)) : 'database unreachable';
    if (d.redis) checks.redis = (await d.redis.ping()) ? 'ok' : 'no answer to PING';
    if (d.draining()) checks.shutdown = 'shutting down';
    const failing = Object.keys(checks).filter((k) => checks[k] !== 'ok');
    res.status(failing.length === 0 ? 200 : 503).json({ ok: failing.length === 0, failing, checks });
  });
  return r;
}

/** 'ok', or why `check` threw. */
function attempt(check: () => void): string {
  try {
    check();
    return 'ok';
  } catch (err) {
    return errorMessage(err);
  }
}

/** Throws unless the newest checked-in migration is recorded as applied (how drizzle's migrator decides). */
function migrationsApplied(db: Db, latest: number): void {
  const row = db.$client.prepare('select max(created_at) as at from __drizzle_migrations').get() as {
    at: number | null;
  };
  if ((row.at ?? 0) < latest) throw new Error('migrations not applied: restart the node to apply them');
}

/** When the newest checked-in migration was generated (the journal's `when`, drizzle's folderMillis). */
function readLatestMigration(): number {
  const journal = JSON.parse(readFileSync(JOURNAL, 'utf8')) as { entries: Array<{ when: number }> };
  return Math.max(...journal.entries.map((e) => e.when));
}
