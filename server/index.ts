import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/connection';
import { engineRefusal } from './db/engine';
import { ensureAdmin } from './services/bootstrap';
import { seedDemoWorkspace } from './services/demo/seed';
import { analyzeInbound } from './services/intelligence';
import { backfillMetricFacts } from './services/metricBackfill';

// Boot only: config → db → createApp(deps) → listen.
const config = loadConfig();
const refusal = engineRefusal(config.DATABASE_URL);
if (refusal) {
  console.error(`[braid] ${refusal}`);
  process.exit(1);
}
const dataDir = resolve(config.DATA_DIR);
const db = openDatabase(join(dataDir, 'braid.db'));
const root = resolve(fileURLToPath(import.meta.url), '../..');

const admin = await ensureAdmin(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD, Date.now());
if (admin.created) {
  console.log(`[braid] created admin ${admin.email}`);
  if (admin.generatedPassword) console.log(`[braid] generated admin password (shown once): ${admin.generatedPassword}`);
}
if (admin.created && config.DEMO === '1') {
  const demo = await seedDemoWorkspace(db, Date.now(), { analyze: analyzeInbound });
  console.log('[braid] demo workspace created — demo-only accounts (never use these in production):');
  for (const a of demo.accounts)
    console.log(`         ${a.role.padEnd(10)} ${a.email.padEnd(28)} password: ${a.password}`);
}

const backfilled = backfillMetricFacts(db);
if (backfilled.replies + backfilled.episodes > 0)
  console.log(`[braid] metric facts back-filled: ${backfilled.replies} replies, ${backfilled.episodes} episodes`);

const braid = createApp({ config, db, clientDir: join(root, 'dist', 'client'), warmReaders: true });
const port = await braid.listen(config.PORT, config.HOST);
console.log(`[braid] listening on http://localhost:${port} (data in ${dataDir})`);

// A terminal's Ctrl-C reaches every process of its group, and `npm start` (scripts/start.mjs) also
// forwards the signal it gets, so one stop arrives here twice within moments: only a signal repeated
// later than that means "stop now, without waiting".
const REPEAT_MS = 2_000;
let closingSince: number | null = null;
const shutdown = async (signal: string) => {
  if (closingSince !== null) {
    if (Date.now() - closingSince < REPEAT_MS) return;
    console.log(`[braid] ${signal} again: exiting without waiting`);
    process.exit(1);
  }
  closingSince = Date.now();
  console.log(`[braid] ${signal}: finishing requests in flight, then exiting`);
  try {
    await braid.close();
    db.$client.close();
  } catch (err) {
    console.error('[braid] shutdown failed:', err);
    process.exit(1);
  }
  console.log('[braid] stopped');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
