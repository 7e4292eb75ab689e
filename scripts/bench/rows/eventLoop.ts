import { keepAlive, send } from '#scripts/bench/http';
import { ms, pct, sleep, verdict } from '#scripts/bench/stats';
import { available, defineRow, type Line } from '#scripts/bench/types';
import type { WorkspaceFixture } from '#scripts/bench/fixtures/workspace';
import { timedOut } from './sample';

const DAY = 86_400_000;

/**
 * Health pings every 10 ms (open loop, each timed from its scheduled send) while `busy` runs, or for
 * `idleMs` when there is nothing else: a black-box view of how long the event loop is held.
 */
export async function pingWhile(f: WorkspaceFixture, busy: Promise<unknown> | null, idleMs: number): Promise<number[]> {
  const url = `${f.server().url}/healthz`;
  const agent = keepAlive(64);
  const lat: Promise<number>[] = [];
  let done = false;
  void busy?.finally(() => (done = true));
  const start = performance.now();
  for (let i = 0; ; i++) {
    const due = start + i * 10;
    if (busy ? done : performance.now() - start > idleMs) break;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    // A ping that hits its bound or fails counts as never answered (Infinity), shown as "> bound".
    const bound = f.opts.timeoutMs + 5_000;
    lat.push(
      send(url, { agent, timeoutMs: bound }).then((a) => (a.status !== 200 ? Infinity : performance.now() - due)),
    );
  }
  const out = await Promise.all(lat);
  agent.destroy();
  return out;
}

/** The server's own event-loop delay since the last read (GET /api/debug/event-loop), or null when it has none. */
export async function loopDelay(f: WorkspaceFixture, reset: boolean): Promise<{ p99: number; max: number } | null> {
  const a = await f.get('supervisor', `/api/debug/event-loop${reset ? '?reset=1' : ''}`);
  return a.status === 200 ? (JSON.parse(a.body) as { p99: number; max: number } | null) : null;
}

/** The reports the row runs, 90 days unless said: metrics aggregates and the supervisor reports. */
const REPORTS: Array<[string, string, number]> = [
  ['GET /api/metrics/teams', '/api/metrics/teams', 7],
  ['GET /api/metrics/teams', '/api/metrics/teams', 90],
  ['GET /api/reports/teams', '/api/reports/teams', 90],
  ['GET /api/reports/leading', '/api/reports/leading', 90],
];

/**
 * Event-loop stall while a report runs: seen from outside through /healthz latency, and from inside
 * through the server's perf_hooks event-loop delay over the same window (when the server exposes it).
 */
export const eventLoop = defineRow({
  id: 'event-loop',
  fixture: 'workspace',
  measures: ['health-check latency while a report runs'],
  async run(f) {
    await f.ready();
    const idle = await pingWhile(f, null, 1_000);
    const show = (v: number) => (Number.isFinite(v) ? ms(v) : `> ${(f.opts.timeoutMs + 5_000) / 1000} s`);
    const lines: Line[] = [];
    for (const [name, endpoint, days] of REPORTS) {
      const path = `${endpoint}?from=${f.manifest.anchor - days * DAY}&to=${f.manifest.anchor}`;
      await f.ready();
      await loopDelay(f, true);
      const report = f.get('supervisor', path);
      const busy = await pingWhile(f, report, 0);
      const r = available(await report, path);
      const inside = await loopDelay(f, true);
      const worst = Math.max(pct(busy, 100), inside?.max ?? 0);
      lines.push({
        measure: `/healthz every 10 ms while ${name} (${days} days) runs (${r.timedOut ? timedOut(f.opts.timeoutMs) : ms(r.ms)})`,
        braid:
          `p99 ${show(pct(busy, 99))}, max ${show(pct(busy, 100))} (idle p99 ${ms(pct(idle, 99))})` +
          (inside ? `; event-loop delay p99 ${ms(inside.p99)}, max ${ms(inside.max)}` : ''),
        note: verdict(worst <= 50, 'no stall > 50 ms'),
      });
    }
    return lines;
  },
});
