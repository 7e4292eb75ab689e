import { pct } from '#scripts/bench/stats';
import { verdict } from '#scripts/bench/stats';
import { defineRow } from '#scripts/bench/types';
import { p50p95, sample } from './sample';

/** The inbox's first page and the view counts, as a team agent sees them, on the large workspace. */
export const inbox = defineRow({
  id: 'inbox',
  fixture: 'workspace',
  measures: [
    'inbox first page (agent)',
    'GET /api/threads/counts (agent)',
    'inbox first page (supervisor, all teams)',
    'GET /api/auth/me (agent): the HTTP floor',
  ],
  async run(f) {
    const n = f.opts.requests;
    const sorts = ['waiting', 'activity', 'priority'];
    const page = await sample(f, 'agent', (i) => `/api/threads?limit=50&sort=${sorts[Math.abs(i) % 3]}`, n);
    const counts = await sample(f, 'agent', () => '/api/threads/counts', n);
    const all = await sample(f, 'supervisor', (i) => `/api/threads?limit=50&sort=${sorts[Math.abs(i) % 3]}`, n);
    // The same server answering the cheapest authenticated request: what HTTP, the session check and
    // waiting for a core cost on this machine, so the rows above can be read against it.
    const floor = await sample(f, 'agent', () => '/api/auth/me', n);
    const t = f.opts.timeoutMs;
    return [
      {
        measure: 'inbox first page: 50 open threads (agent; waiting / activity / priority order)',
        braid: p50p95(page, t),
        note: verdict(pct(page, 95) <= 10, 'p95 ≤ 10 ms'),
      },
      {
        measure: 'GET /api/threads/counts (agent)',
        braid: p50p95(counts, t),
        note: verdict(pct(counts, 95) <= 10, 'p95 ≤ 10 ms'),
      },
      { measure: 'inbox first page (supervisor, every team)', braid: p50p95(all, t) },
      { measure: 'GET /api/auth/me (agent): the HTTP floor of the rows above', braid: p50p95(floor, t) },
    ];
  },
});
