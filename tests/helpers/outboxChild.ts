// Child process for the crash probe: Braid's app (outbox included) on an existing data dir, wide lanes so
// every queued reply is in flight at once. The test kills it with SIGKILL and starts it again.
import { join } from 'node:path';
import { createApp } from '#server/app';
import { loadConfig } from '#server/config';
import { openDatabase } from '#server/db/connection';

const config = loadConfig(process.env);
const db = openDatabase(join(config.DATA_DIR, 'braid.db'));
const braid = createApp({
  config,
  db,
  outbox: { pollMs: 50, concurrency: 200, perProvider: 200, ratePerSecond: {}, baseBackoffMs: 200, maxBackoffMs: 200 },
});
const port = await braid.listen(0, '127.0.0.1');
process.stdout.write(`ready ${port}\n`);
process.on('SIGTERM', () => {
  void braid.close().then(() => {
    db.$client.close();
    process.exit(0);
  });
});
