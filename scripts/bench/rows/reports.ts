import type { WorkspaceFixture } from '#scripts/bench/fixtures/workspace';
import { median, ms, verdict } from '#scripts/bench/stats';
import { available, defineRow, type Line } from '#scripts/bench/types';
import { timedOut } from './sample';

const DAY = 86_400_000;

/** What a report cost: its median time, or why there is none (timed out, or an error answer). */
type Outcome = { ms: number } | { failed: string };

/** Median of up to `rounds` runs of a report; stops after a slow (> 3 s), failed or timed-out run. */
async function report(f: WorkspaceFixture, path: string): Promise<Outcome> {
  const xs: number[] = [];
  for (let i = 0; i < f.opts.rounds; i++) {
    const a = available(await f.get('supervisor', path), path);
    if (a.timedOut) return { failed: timedOut(f.opts.timeoutMs) };
    // An error answer is a finding about the product, not a failure of the bench: show it.
    if (a.status !== 200) return { failed: `HTTP ${a.status} after ${ms(a.ms)}` };
    xs.push(a.ms);
    if (a.ms > 3_000) break;
  }
  return { ms: median(xs) };
}

/** One report to time: what it measures, its path, and its target in ms (if any). */
export interface ReportCase {
  measure: string;
  path: string;
  target?: number;
}

/** Time each report and say whether it met its target. */
export async function measureReports(f: WorkspaceFixture, cases: ReportCase[]): Promise<Line[]> {
  const lines: Line[] = [];
  for (const c of cases) {
    const v = await report(f, c.path);
    const cost = 'ms' in v ? v.ms : Number.POSITIVE_INFINITY;
    lines.push({
      measure: c.measure,
      braid: 'ms' in v ? ms(v.ms) : v.failed,
      note: c.target ? verdict(cost <= c.target, `≤ ${c.target} ms`) : undefined,
    });
  }
  return lines;
}

/** Team and agent metrics over 7 and 90 days, ending at the workspace's "now". */
export const reports = defineRow({
  id: 'reports',
  fixture: 'workspace',
  measures: ['GET /api/metrics/teams', 'GET /api/metrics/agents', 'GET /api/metrics/agents/:id'],
  async run(f) {
    const to = f.manifest.anchor;
    const range = (days: number) => `from=${to - days * DAY}&to=${to}`;
    const cases: ReportCase[] = [
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
        path: `/api/metrics/agents/${f.leadId()}?${range(90)}`,
      },
    ];
    return measureReports(f, cases);
  },
});
