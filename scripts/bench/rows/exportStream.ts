import { keepAlive, send } from '#scripts/bench/http';
import { rssBytes } from '#scripts/bench/proc';
import { mb, ms, pct, sleep, verdict } from '#scripts/bench/stats';
import { available, defineRow, type Line } from '#scripts/bench/types';
import type { WorkspaceFixture } from '#scripts/bench/fixtures/workspace';
import { loopDelay, pingWhile } from './eventLoop';
import { timedOut } from './sample';

const DAY = 86_400_000;

/** CSV records in a body (line breaks inside quoted cells, as message texts have, do not count). */
function csvRecords(body: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) n++;
  }
  return n;
}

/**
 * /healthz one at a time (closed loop, each timed from its own send) while `busy` runs: the longest
 * wait is the longest the server did not answer. The open-loop pinger (100 pings/s) also counts the
 * queue that builds when a loaded machine answers fewer than 100 pings/s, which is throughput.
 */
async function pingInTurn(f: WorkspaceFixture, busy: Promise<unknown>): Promise<number[]> {
  const url = `${f.server().url}/healthz`;
  const agent = keepAlive(1);
  let done = false;
  void busy.finally(() => (done = true));
  const out: number[] = [];
  while (!done) {
    const t = performance.now();
    const a = await send(url, { agent, timeoutMs: f.opts.timeoutMs + 5_000 });
    out.push(a.status === 200 ? performance.now() - t : Infinity);
    await sleep(5);
  }
  agent.destroy();
  return out;
}

/** Peak server RSS (sampled every 20 ms) while `busy` runs. */
async function peakRss(pid: number, busy: Promise<unknown>): Promise<number> {
  let done = false;
  void busy.finally(() => (done = true));
  let peak = rssBytes(pid);
  while (!done) {
    await sleep(20);
    peak = Math.max(peak, rssBytes(pid));
  }
  return peak;
}

/**
 * CSV exports as a supervisor — conversations (one row per episode) for a short and a long range,
 * and the search export of a Thai word, without and with a filter that keeps nothing —
 * while /healthz is pinged every 10 ms: rows streamed, server RSS growth at its peak over the RSS
 * before, and the worst ping (issue 12: constant memory, never > 50 ms of event loop held). At full
 * scale the 31-day range is ~100,000 rows; memory that stays flat between the two ranges is constant.
 */
export const exportStream = defineRow({
  id: 'export-stream',
  fixture: 'workspace',
  measures: ['conversations and search CSV exports: rows, RSS growth, worst /healthz ping'],
  async run(f) {
    const lines: Line[] = [];
    await f.ready();
    const idle = await pingWhile(f, null, 1_000);
    const day = (days: number) => new Date(f.manifest.anchor - days * DAY).toISOString().slice(0, 10);
    const exports: Array<[string, string]> = [
      ['conversations CSV export, last 7 days', `/api/exports/conversations?from=${day(7)}&tz=UTC`],
      ['conversations CSV export, last 31 days', `/api/exports/conversations?from=${day(31)}&tz=UTC`],
      ['search CSV export, th พัสดุ (every match)', `/api/exports/search?q=${encodeURIComponent('พัสดุ')}&tz=UTC`],
      [
        'search CSV export, th พัสดุ with a tag nobody has (no rows)',
        `/api/exports/search?q=${encodeURIComponent('พัสดุ')}&tag=no-such-tag&tz=UTC`,
      ],
    ];
    for (const [what, path] of exports) {
      await f.ready();
      const pid = f.server().pid;
      const before = rssBytes(pid);
      await loopDelay(f, true);
      const exported = f.get('supervisor', path);
      const [pings, inTurn, peak] = await Promise.all([
        pingWhile(f, exported, 0),
        pingInTurn(f, exported),
        peakRss(pid, exported),
      ]);
      const a = available(await exported, path);
      const inside = await loopDelay(f, true);
      if (a.timedOut) {
        lines.push({ measure: what, braid: timedOut(f.opts.timeoutMs) });
        continue;
      }
      if (a.status !== 200) throw new Error(`GET ${path}: HTTP ${a.status} ${a.body.slice(0, 120)}`);
      const rows = csvRecords(a.body) - 1; // the header
      // The server's own event-loop delay is the stall itself; pings also wait for this (busy) client.
      const worst = inside ? inside.max : pct(inTurn, 100);
      lines.push({
        measure: `${what}: ${rows.toLocaleString('en-US')} rows, ${mb(a.body.length)} in ${ms(a.ms)}; /healthz every 10 ms meanwhile`,
        braid: `RSS +${mb(Math.max(0, peak - before))} at peak (from ${mb(before)}); pings one at a time (${inTurn.length}): p99 ${ms(pct(inTurn, 99))}, max ${ms(pct(inTurn, 100))}; every 10 ms: p99 ${ms(pct(pings, 99))}, max ${ms(pct(pings, 100))} (idle p99 ${ms(pct(idle, 99))}, max ${ms(pct(idle, 100))})${inside ? `; event-loop delay p99 ${ms(inside.p99)}, max ${ms(inside.max)}` : ''}`,
        note: verdict(worst <= 50, 'no stall > 50 ms'),
      });
    }
    return lines;
  },
});
