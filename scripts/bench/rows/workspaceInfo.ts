import { mb, ms, verdict } from '#scripts/bench/stats';
import { defineRow } from '#scripts/bench/types';

/** How long the generator took (or that the cache was used) and Braid's start-up on the workspace. */
export const workspaceInfo = defineRow({
  id: 'workspace',
  fixture: 'workspace',
  measures: ['workspace generator', 'Braid start-up on the workspace', 'event loop during start-up catch-up'],
  async run(f) {
    const m = f.manifest;
    const size = `${m.customers.toLocaleString('en-US')} customers / ${m.messages.toLocaleString('en-US')} messages / ${m.episodes.toLocaleString('en-US')} episodes`;
    const gen = f.generatedSeconds;
    return [
      {
        measure: `generate the workspace (${size}; 4 languages, 8 channels, 90 days)`,
        braid: gen === null ? `cached (generated in ${m.generatedSeconds} s)` : `${gen} s`,
        note: verdict((gen ?? m.generatedSeconds) <= 600, '< 10 min'),
      },
      {
        measure: 'Braid start-up on the workspace: spawn → healthy; start-up catch-up after that; RSS when idle',
        braid: `${ms(f.startup.ms)}, then busy ${ms(f.startup.busyMs)}, RSS ${mb(f.startup.rss)}`,
      },
      {
        measure: 'during that catch-up: slowest `/healthz` (every 100 ms); server event-loop delay max',
        braid: `${ms(f.startup.healthzMaxMs)}; ${f.startup.loopMaxMs === null ? 'n/a' : ms(f.startup.loopMaxMs)}`,
        note: f.startup.loopMaxMs === null ? '' : verdict(f.startup.loopMaxMs <= 50, '≤ 50 ms'),
      },
    ];
  },
});
