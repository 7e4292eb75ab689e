import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '#server/db/connection';
import { indexMessage } from '#server/db/searchIndex';
import { nobodyOnline, nullPublisher } from '#server/services/deps';
import { ingestInbound } from '#server/services/ingest';
import { analyzeInbound } from '#server/services/intelligence';
import { LANGS, inboundText } from '#scripts/bench/texts';
import { ms, verdict } from '#scripts/bench/stats';
import { defineRow } from '#scripts/bench/types';
import { setUp } from './inProcess';

/** CPU (user + system, ms) this process spends in `fn`. */
function cpuOf(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

/** A fresh database with the in-process set-up, handed to `fn`, then deleted. */
function withDb<T>(fn: (db: Db) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'braid-bench-index-'));
  const db = openDatabase(join(dir, 'braid.db'));
  try {
    setUp(db);
    return fn(db);
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What the search index adds to ingest CPU per message (issue 12: ≤ 20 %). Ingest runs in-process
 * (identity, thread, episode, sentiment, event log and the index write, one transaction each) over
 * texts in four languages; then, on another fresh database, the index write alone (tokenising with
 * Intl.Segmenter and the FTS5 insert, in a transaction of its own per message, as in ingest) for the
 * same texts. Ingest without the index is the difference. A separate index-only transaction pays its
 * own commit, so the share is an upper bound; and the HTTP webhook path costs more per message than
 * the service alone, so the index's share of a real ingest is smaller still.
 */
export const searchIndexCost = defineRow({
  id: 'search-index-cost',
  fixture: 'none',
  measures: ['search index share of ingest CPU per message'],
  async run(f) {
    const n = { full: 10_000, quick: 2_000, tiny: 100 }[f.opts.scale];
    const texts = Array.from({ length: n }, (_, i) => inboundText(LANGS[i % LANGS.length], i * 7919).text);
    const customers = Math.max(1, Math.floor(n / 4));
    const withIndex = withDb((db) => {
      const deps = { db, publisher: nullPublisher, presence: nobodyOnline, now: Date.now };
      return cpuOf(() => {
        for (let i = 0; i < n; i++) {
          const inbound = {
            channel: 'sms' as const,
            transport: 'bench',
            providerMessageId: `ix${i}`,
            from: { address: `+4852${String(1_000_000 + (i % customers))}` },
            text: texts[i],
            attachments: [],
            providerTs: Date.now() - (n - i) * 1000,
          };
          ingestInbound(deps, inbound, { analyze: analyzeInbound });
        }
      });
    });
    const indexOnly = withDb((db) =>
      cpuOf(() => {
        for (let i = 0; i < n; i++)
          db.transaction((tx) => indexMessage(tx, { id: i + 1, direction: 'inbound', text: texts[i] }), {
            behavior: 'immediate',
          });
      }),
    );
    const without = withIndex - indexOnly;
    const share = indexOnly / without;
    return [
      {
        measure: `search index write, share of in-process ingest CPU: ${n.toLocaleString('en-US')} messages (th/zh/pl/en)`,
        braid: `+${(share * 100).toFixed(1)} % (ingest ${ms(withIndex / n)} CPU/msg with the index, ${ms(without / n)} without; index ${ms(indexOnly / n)})`,
        note: verdict(share <= 0.2, '≤ 20 %'),
      },
    ];
  },
});
