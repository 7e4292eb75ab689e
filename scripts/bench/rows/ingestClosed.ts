import { closedLoop } from '#scripts/bench/load';
import { ms, perSec, verdict } from '#scripts/bench/stats';
import { defineRow } from '#scripts/bench/types';
import { interleave, lost } from './interleave';

/** Closed-loop throughput through a signed webhook to every agent socket, and server CPU per message. */
export const ingestClosed = defineRow({
  id: 'ingest-closed',
  fixture: 'ingest',
  measures: [
    'closed loop: signed webhooks/s, all delivered to the agent sockets',
    'server CPU per message (closed loop)',
  ],
  async run(f) {
    const o = f.opts;
    const r = await interleave(f, (t) => closedLoop(t, o.closedSenders, o.closedSeconds, o.drainSeconds * 1000));
    const raw = r.med('raw', (x) => x.rate);
    const braid = r.med('braid', (x) => x.rate);
    const share = braid / raw;
    return [
      {
        measure: `closed loop: signed webhooks/s (${o.closedSenders} senders), all delivered to ${o.agentSockets} agent sockets`,
        raw: `${perSec(raw)}${lost(r.raw)}`,
        braid: `${perSec(braid)} (p99 ${ms(r.med('braid', (x) => x.p99))})${lost(r.braid)}`,
        note: `${(share * 100).toFixed(0)} % of raw; ${verdict(share >= 0.5, '≥ 50 %')}`,
      },
      {
        measure: 'server CPU per message (closed loop)',
        raw: ms(r.med('raw', (x) => x.cpuPerMessage)),
        braid: ms(r.med('braid', (x) => x.cpuPerMessage)),
        note: `${(r.med('braid', (x) => x.cpuPerMessage) / r.med('raw', (x) => x.cpuPerMessage)).toFixed(1)}× raw`,
      },
    ];
  },
});
