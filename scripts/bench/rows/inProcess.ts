import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '#server/db/connection';
import { createTeam } from '#server/services/agents';
import { nobodyOnline, nullPublisher } from '#server/services/deps';
import { ingestInbound } from '#server/services/ingest';
import { analyzeInbound } from '#server/services/intelligence';
import { setSetting } from '#server/services/settingsStore';
import { createSlaPolicy } from '#server/services/sla';
import { listThreads } from '#server/services/threadReads';
import { updateTeamConfig } from '#server/services/teamConfig';
import { ms, pct, perSec } from '#scripts/bench/stats';
import { defineRow } from '#scripts/bench/types';

const weekday: Array<[string, string]> = [['08:00', '18:00']];

/** The realistic set-up the in-process figures always used: a team with hours and routing, an SLA policy. */
export function setUp(db: Db): void {
  const team = createTeam(db, { name: 'Bench team', autoAssign: false }, Date.now());
  setSetting(db, 'routing', { defaultTeamId: team, byChannel: {} });
  const weekly = { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday };
  updateTeamConfig(db, team, { businessHours: { timeZone: 'Europe/Warsaw', weekly, holidays: [] } });
  const policy = { name: 'Standard', match: {}, firstResponseMs: 7_200_000, nextResponseMs: 14_400_000 };
  createSlaPolicy(db, { ...policy, resolutionMs: 86_400_000, businessHours: true }, Date.now());
}

/**
 * The figures `npm run bench` printed before the harness, kept for continuity: the ingest service
 * and the inbox list called in-process (no HTTP), on a fresh database of new customers.
 */
export const inProcess = defineRow({
  id: 'in-process',
  fixture: 'none',
  measures: ['ingest service in-process', 'inbox list in-process'],
  async run(f) {
    const threads = { full: 10_000, quick: 2_000, tiny: 100 }[f.opts.scale];
    const dir = mkdtempSync(join(tmpdir(), 'braid-bench-inprocess-'));
    const db = openDatabase(join(dir, 'braid.db'));
    try {
      setUp(db);
      const deps = { db, publisher: nullPublisher, presence: nobodyOnline, now: Date.now };
      const t0 = performance.now();
      for (let i = 0; i < threads; i++) {
        const inbound = {
          channel: 'sms' as const,
          transport: 'bench',
          providerMessageId: `b${i}`,
          from: { address: `+4851${String(1_000_000 + i)}` },
          text: `Order ${i} is late, please help`,
          attachments: [],
          providerTs: Date.now() - (threads - i) * 1000,
        };
        ingestInbound(deps, inbound, { analyze: analyzeInbound });
      }
      const ingestMs = performance.now() - t0;
      const viewer = { id: 1, role: 'admin' as const, teamIds: [] };
      const lat: number[] = [];
      for (let i = 0; i < 200; i++) {
        const s = performance.now();
        listThreads(db, viewer, { status: 'open', assignee: 'any', sort: i % 2 ? 'waiting' : 'activity', limit: 50 });
        lat.push(performance.now() - s);
      }
      return [
        {
          measure: `ingest service in-process: ${threads.toLocaleString('en-US')} new customers (identity, thread, episode, sentiment, event log)`,
          braid: `${perSec(threads / (ingestMs / 1000))} (${ms(ingestMs / threads)} each)`,
        },
        {
          measure: `inbox list in-process: 50 of ${threads.toLocaleString('en-US')} threads with SLA badges`,
          braid: `p50 ${ms(pct(lat, 50))}, p95 ${ms(pct(lat, 95))}`,
        },
      ];
    } finally {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
