import type { WorkspaceFixture } from '#scripts/bench/fixtures/workspace';
import { median, ms, verdict } from '#scripts/bench/stats';
import { available, defineRow, type Line } from '#scripts/bench/types';
import { timedOut } from './sample';

const DAY = 86_400_000;

/** Median of up to `rounds` runs of a report; stops after a slow (> 3 s) or timed-out run to bound the bench. */
async function report(f: WorkspaceFixture, path: string): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < f.opts.rounds; i++) {
    const a = available(await f.get('supervisor', path), path);
    if (a.timedOut) return Number.POSITIVE_INFINITY;
    if (a.status !== 200) throw new Error(`GET ${path}: HTTP ${a.status} ${a.body.slice(0, 120)}`);
    xs.push(a.ms);
    if (a.ms > 3_000) break;
  }
  return median(xs);
}

/** Team and agent metrics over 7 and 90 days, ending at the workspace's "now". */
export const reports = defineRow({
  id: 'reports',
  fixture: 'workspace',
  measures: ['GET /api/metrics/teams', 'GET /api/metrics/agents', 'GET /api/metrics/agents/:id'],
  async run(f) {
    const to = f.manifest.anchor;
    const range = (days: number) => `from=${to - days * DAY}&to=${to}`;
    const cases: Array<{ measure: string; path: string; target?: number }> = [
      { measure: 'GET /api/metrics/teams, 7 days', path: `/api/metrics/teams?${range(7)}` },
      {
        measure: 'GET /api/metrics/teams, 90 days (per-team report)',
        path: `/api/metrics/teams?${range(90)}`,
        target: 500,
      },
      { measure: 'GET /api/metrics/agents, 7 days (every agent)', path: `/api/metrics/agents?${range(7)}` },
      {
        measure: 'GET /api/metrics/agents, 90 days (per-agent report)',
        path: `/api/metrics/agents?${range(90)}`,
        target: 500,
      },
      {
        measure: 'GET /api/metrics/agents/:id, 90 days (one agent)',
        path: `/api/metrics/agents/${agentId(f)}?${range(90)}`,
      },
    ];
    const lines: Line[] = [];
    for (const c of cases) {
      const v = await report(f, c.path);
      lines.push({
        measure: c.measure,
        braid: Number.isFinite(v) ? ms(v) : timedOut(f.opts.timeoutMs),
        note: c.target ? verdict(v <= c.target, `≤ ${c.target} ms`) : undefined,
      });
    }
    return lines;
  },
});

// The lead's own id is a real agent with replies in the workspace; the session knows it.
function agentId(f: WorkspaceFixture): number {
  return f.leadId();
}
