import { openLoop, type LoadResult } from '#scripts/bench/load';
import { ms, perSec, verdict } from '#scripts/bench/stats';
import { defineRow, type Line } from '#scripts/bench/types';
import { interleave, lost, type Rounds } from './interleave';

const KEEPS_UP = 0.95;

function cell(r: Rounds, target: 'raw' | 'braid', rate: number): string {
  const achieved = r.med(target, (x: LoadResult) => x.rate);
  const pace = achieved >= KEEPS_UP * rate ? 'keeps up' : `falls behind (${perSec(achieved)})`;
  return `${pace}, p50 ${ms(r.med(target, (x) => x.p50))}, p99 ${ms(r.med(target, (x) => x.p99))}${lost(r[target])}`;
}

/** Open loop at fixed rates: does each server keep up, and webhook → all agent sockets p50/p99. */
export const ingestOpen = defineRow({
  id: 'ingest-open',
  fixture: 'ingest',
  measures: ['open loop: webhook → all agent sockets at fixed rates'],
  async run(f) {
    const o = f.opts;
    const lines: Line[] = [];
    for (const rate of o.openRates) {
      const r = await interleave(f, (t) => openLoop(t, rate, o.openSeconds, o.drainSeconds * 1000));
      const last = rate === Math.max(...o.openRates);
      const ok = r.med('braid', (x) => x.rate) >= KEEPS_UP * rate && r.med('braid', (x) => x.p99) <= 25;
      lines.push({
        measure: `open loop ${rate}/s for ${o.openSeconds} s: webhook → all ${o.agentSockets} agent sockets`,
        raw: cell(r, 'raw', rate),
        braid: cell(r, 'braid', rate),
        note: last ? verdict(ok, 'keeps up, p99 ≤ 25 ms') : undefined,
      });
    }
    return lines;
  },
});
