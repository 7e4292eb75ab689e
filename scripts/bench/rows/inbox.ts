import { pct } from '#scripts/bench/stats';
import { verdict } from '#scripts/bench/stats';
import { defineRow } from '#scripts/bench/types';
import { openDatabase } from '#server/db/connection';
import type { Viewer } from '#server/domain/access';
import { countThreads } from '#server/services/threadCounts';
import { listThreads } from '#server/services/threadReads';
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
    'inbox first page and counts in-process (agent)',
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
    const inProcess = measureInProcess(f.dbFile, f.manifest.logins.agent, n);
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
      {
        measure: 'inbox first page in-process (agent, same database; the server’s own work, no HTTP)',
        braid: p50p95(inProcess.page, t),
      },
      { measure: 'thread counts in-process (agent, same database)', braid: p50p95(inProcess.counts, t) },
    ];
  },
});

/**
 * The same first pages and counts called in this process on the database the server is serving
 * (WAL: a second reader), so the table shows the server's work apart from HTTP and from waiting for
 * a core, which dominate the HTTP figures on a loaded machine.
 */
function measureInProcess(file: string, agentEmail: string, n: number): { page: number[]; counts: number[] } {
  const db = openDatabase(file);
  try {
    const sqlite = db.$client;
    const agent = sqlite.prepare('select id, role from agents where email = ?').get(agentEmail) as Viewer;
    const viewer: Viewer = {
      id: agent.id,
      role: agent.role,
      teamIds: sqlite.prepare('select team_id from agent_teams where agent_id = ?').pluck().all(agent.id) as number[],
    };
    const sorts = ['waiting', 'activity', 'priority'] as const;
    const timed = (fn: () => void) => {
      const s = performance.now();
      fn();
      return performance.now() - s;
    };
    const page: number[] = [];
    const counts: number[] = [];
    for (let i = -3; i < n; i++) {
      const q = { status: 'open' as const, assignee: 'any' as const, sort: sorts[Math.abs(i) % 3], limit: 50 };
      const p = timed(() => listThreads(db, viewer, q));
      const c = timed(() => countThreads(db, viewer));
      if (i >= 0) page.push(p);
      if (i >= 0) counts.push(c);
    }
    return { page, counts };
  } finally {
    db.$client.close();
  }
}
