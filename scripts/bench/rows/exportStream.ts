import { rssBytes } from '#scripts/bench/proc';
import { mb, ms, pct, sleep, verdict } from '#scripts/bench/stats';
import { available, defineRow, type Line } from '#scripts/bench/types';
import { pingWhile } from './eventLoop';
import { timedOut } from './sample';

const DAY = 86_400_000;

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
 * CSV export of conversations (one row per episode) for a short and a long range, as a supervisor,
 * while /healthz is pinged every 10 ms: rows streamed, server RSS growth at its peak over the RSS
 * before, and the worst ping (issue 12: constant memory, never > 50 ms of event loop held). At full
 * scale the 31-day range is ~100,000 rows; memory that stays flat between the two ranges is constant.
 */
export const exportStream = defineRow({
  id: 'export-stream',
  fixture: 'workspace',
  measures: ['conversations CSV export: rows, RSS growth, worst /healthz ping'],
  async run(f) {
    const lines: Line[] = [];
    await f.ready();
    const idle = await pingWhile(f, null, 1_000);
    for (const days of [7, 31]) {
      await f.ready();
      const from = new Date(f.manifest.anchor - days * DAY).toISOString().slice(0, 10);
      const path = `/api/exports/conversations?from=${from}&tz=UTC`;
      const pid = f.server().pid;
      const before = rssBytes(pid);
      const exported = f.get('supervisor', path);
      const [pings, peak] = await Promise.all([pingWhile(f, exported, 0), peakRss(pid, exported)]);
      const a = available(await exported, path);
      if (a.timedOut) {
        lines.push({ measure: `conversations CSV export, last ${days} days`, braid: timedOut(f.opts.timeoutMs) });
        continue;
      }
      if (a.status !== 200) throw new Error(`GET ${path}: HTTP ${a.status} ${a.body.slice(0, 120)}`);
      const rows = a.body.split('\r\n').length - 2; // header and the final line break
      const worst = pct(pings, 100);
      lines.push({
        measure: `conversations CSV export, last ${days} days: ${rows.toLocaleString('en-US')} rows, ${mb(a.body.length)} in ${ms(a.ms)}; /healthz every 10 ms meanwhile`,
        braid: `RSS +${mb(Math.max(0, peak - before))} at peak (from ${mb(before)}); ping p99 ${ms(pct(pings, 99))}, max ${ms(worst)} (idle p99 ${ms(pct(idle, 99))}, max ${ms(pct(idle, 100))})`,
        note: verdict(worst <= 50, 'no stall > 50 ms'),
      });
    }
    return lines;
  },
});
