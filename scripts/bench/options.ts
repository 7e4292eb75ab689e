import { parseArgs } from 'node:util';

/** How big a run is: the full record, a quick iteration run, or the tiny run the test uses. */
export type Scale = 'full' | 'quick' | 'tiny';

/** Everything one `npm run bench` is configured with; every loop below is bounded by these numbers. */
export interface BenchOptions {
  scale: Scale;
  /** Run only the rows whose id is listed (all rows when empty). */
  only: string[];
  /** Interleaved raw/Braid rounds per ingest row; figures are the median over rounds. */
  rounds: number;
  /** Closed loop: concurrent senders and seconds of sending. */
  closedSenders: number;
  closedSeconds: number;
  /** Open loop: target rates (messages/s) and seconds of sending per rate. */
  openRates: number[];
  openSeconds: number;
  /** Agent sockets every webhook must reach. */
  agentSockets: number;
  /** Seconds to wait for the last deliveries after sending stops. */
  drainSeconds: number;
  /** The generated workspace. */
  customers: number;
  messages: number;
  longThread: number;
  /** People in the workspace besides the admin (agents, leads, supervisors). */
  agents: number;
  /** Sockets in the many-sockets run. */
  manySockets: number;
  /** Requests per latency row (list, counts, thread open, search). */
  requests: number;
  /** Bound on every HTTP request the bench makes (reports may take minutes on today's code). */
  timeoutMs: number;
  /** Where the table goes: docs/benchmarks.md section 'latest' or 'before', or a file; none prints only. */
  record: 'latest' | 'before';
  out: string | null;
  /** Also write the lines as JSON here (the test reads it). */
  json: string | null;
}

const USAGE = `npm run bench -- [options]

Measures Braid (and a minimal raw pipeline, side by side) over loopback HTTP and Socket.IO,
prints a table and writes it to docs/benchmarks.md. Environment: BENCH_QUICK=1 for a small
workspace and short runs; BENCH_TINY=1 for the smallest run (the test uses it).

  --only <ids>        comma-separated row ids to run (see --list)
  --list              print the row ids and exit
  --rounds <n>        interleaved raw/Braid rounds per ingest row (default 3; quick 1)
  --record <section>  'latest' (default) or 'before' (the committed baseline)
  --out <file|->      write the table to this markdown file instead ('-' = print only)
  --json <file>       also write the lines (with their row ids) as JSON
  --timeout <s>       bound on any one request (default 30)
  -h, --help          this text`;

const SCALES: Record<Scale, Omit<BenchOptions, 'scale' | 'only' | 'record' | 'out' | 'json'>> = {
  full: {
    rounds: 3,
    closedSenders: 16,
    closedSeconds: 6,
    openRates: [100, 300, 500],
    openSeconds: 8,
    agentSockets: 10,
    drainSeconds: 30,
    customers: 100_000,
    messages: 2_000_000,
    longThread: 5_000,
    agents: 46,
    manySockets: 2_000,
    requests: 200,
    timeoutMs: 30_000,
  },
  quick: {
    rounds: 1,
    closedSenders: 16,
    closedSeconds: 3,
    openRates: [100, 300, 500],
    openSeconds: 3,
    agentSockets: 10,
    drainSeconds: 15,
    customers: 5_000,
    messages: 100_000,
    longThread: 5_000,
    agents: 46,
    manySockets: 2_000,
    requests: 60,
    timeoutMs: 30_000,
  },
  tiny: {
    rounds: 1,
    closedSenders: 4,
    closedSeconds: 0.4,
    openRates: [50, 100, 150],
    openSeconds: 0.4,
    agentSockets: 3,
    drainSeconds: 5,
    customers: 120,
    messages: 2_400,
    longThread: 300,
    agents: 8,
    manySockets: 20,
    requests: 5,
    timeoutMs: 10_000,
  },
};

/** Parse argv + environment into options; returns usage text for --help / --list handling. */
export function parseOptions(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): BenchOptions | { help: string } | { list: true } {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      list: { type: 'boolean' },
      rounds: { type: 'string' },
      record: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (values.help) return { help: USAGE };
  if (values.list) return { list: true };
  const scale: Scale = env.BENCH_TINY === '1' ? 'tiny' : env.BENCH_QUICK === '1' ? 'quick' : 'full';
  const o: BenchOptions = {
    scale,
    only: (values.only ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    record: values.record === 'before' ? 'before' : 'latest',
    out: values.out ?? null,
    json: values.json ?? null,
    ...SCALES[scale],
  };
  if (values.rounds) o.rounds = Math.max(1, Math.min(9, Number(values.rounds) || 1));
  if (values.timeout) o.timeoutMs = Math.max(1, Number(values.timeout) || 30) * 1000;
  return o;
}
