import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps, type BraidApp } from '#server/app';
import { loadConfig, type Config } from '#server/config';
import { createAgent, createTeam } from '#server/services/agents';
import { ensureAdmin } from '#server/services/bootstrap';
import { reopenDb, tempDb } from './db';
import type { Db } from '#server/db/connection';

/** Password every test agent gets. */
export const TEST_PASSWORD = 'correct-horse-battery';

/** A running Braid on an ephemeral loopback port over a real SQLite file. */
export interface TestApp {
  url: string;
  port: number;
  braid: BraidApp;
  db: Db;
  config: Config;
  dir: string;
  /** Close and delete the data dir. */
  close(): Promise<void>;
  /** Close but keep the data dir (to start again on it). */
  stop(): Promise<void>;
}

/** Start Braid for a test (DEMO off; admin admin@test.local). Env overrides configure channels. */
export async function startApp(
  env: Record<string, string> = {},
  extra: Partial<AppDeps> & { dataDir?: string } = {},
): Promise<TestApp> {
  // Reuse an existing data dir to simulate a restart; otherwise a fresh temp dir.
  const t = extra.dataDir ? reopenDb(extra.dataDir) : tempDb();
  const config = loadConfig({
    DEMO: '0',
    ADMIN_EMAIL: 'admin@test.local',
    ADMIN_PASSWORD: TEST_PASSWORD,
    LOGIN_RATE_LIMIT: '1000',
    PUBLIC_REFUSAL_LIMIT: '100000', // fuzz tests send thousands of refused bodies; refusalLimit.test.ts sets its own
    ...env,
    DATA_DIR: t.dir,
  });
  let braid: ReturnType<typeof createApp> | undefined;
  let port: number;
  try {
    await ensureAdmin(t.db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD, Date.now());
    braid = createApp({ config, db: t.db, outbox: { pollMs: 50, baseBackoffMs: 20, maxBackoffMs: 200 }, ...extra });
    port = await braid.listen(0, '127.0.0.1');
  } catch (err) {
    // A start that fails must not leave its temp dir (or a half-open app) behind for every failing run.
    await braid?.close().catch(() => undefined);
    if (extra.dataDir) t.db.$client.close();
    else t.cleanup();
    throw err;
  }
  const app = braid;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    braid: app,
    db: t.db,
    config,
    dir: t.dir,
    async close() {
      await app.close();
      t.cleanup();
    },
    async stop() {
      await app.close();
      t.db.$client.close();
    },
  };
}

/** Create a team and agents of each role in it; returns their ids. */
export async function seedPeople(db: Db) {
  const now = Date.now();
  const teamA = createTeam(db, { name: 'Team A', autoAssign: false }, now);
  const teamB = createTeam(db, { name: 'Team B', autoAssign: false }, now);
  const mk = (email: string, role: 'agent' | 'lead' | 'supervisor' | 'admin', teamIds: number[]) =>
    createAgent(
      db,
      { email, name: email.split('@')[0], role, password: TEST_PASSWORD, locale: 'en', capacity: 5, teamIds },
      now,
    );
  return {
    teamA,
    teamB,
    agentA: await mk('agent.a@test.local', 'agent', [teamA]),
    agentA2: await mk('agent.a2@test.local', 'agent', [teamA]),
    agentB: await mk('agent.b@test.local', 'agent', [teamB]),
    lead: await mk('lead@test.local', 'lead', [teamA]),
    supervisor: await mk('supervisor@test.local', 'supervisor', []),
  };
}

/** One more team lead (besides seedPeople's lead of team A), e.g. of team B for cross-team checks. */
export function seedLead(db: Db, email: string, teamIds: number[], now = Date.now()) {
  return createAgent(
    db,
    { email, name: email.split('@')[0], role: 'lead', password: TEST_PASSWORD, locale: 'en', capacity: 5, teamIds },
    now,
  );
}

/** A loopback port that was free a moment ago (for listeners a test starts itself, e.g. SMTP). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
