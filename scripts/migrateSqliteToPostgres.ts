// `npm run migrate:sqlite-to-postgres -- --from data/braid.db --to postgres://…`: copies a workspace
// from its SQLite file into a new PostgreSQL database (scripts/db/copyToPostgres.ts) and prints a summary.
import { parseArgs } from 'node:util';
import { copySqliteToPostgres } from '#scripts/db/copyToPostgres';
import { redactUrl } from '#server/db/engine';

const { values } = parseArgs({
  options: { from: { type: 'string' }, to: { type: 'string' }, batch: { type: 'string' } },
});
if (!values.from || !values.to) {
  console.error(
    'usage: npm run migrate:sqlite-to-postgres -- --from data/braid.db --to postgres://user@host:5432/db [--batch 1000]',
  );
  process.exit(2);
}
const shown = redactUrl(values.to);
console.log(`[copy] ${values.from} → ${shown}`);
try {
  const s = await copySqliteToPostgres({
    from: values.from,
    to: values.to,
    batchRows: values.batch ? Number(values.batch) : undefined,
    log: (line) => console.log(`[copy] ${line}`),
  });
  const total = Object.values(s.rows).reduce((a, b) => a + b, 0);
  console.log(
    `[copy] done in ${(s.ms / 1000).toFixed(1)} s: ${total} rows in ${Object.keys(s.rows).length} tables, equal counts on ` +
      `both sides; messages checksum ${s.messagesChecksum} on both sides; ${s.sequences} identity sequences reset`,
  );
} catch (err) {
  console.error(`[copy] failed, nothing was committed: ${(err as Error).message}`);
  process.exit(1);
}
