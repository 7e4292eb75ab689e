// One "node" of the outbox race in outboxClaims.test.ts, run as its own process so that the test can
// kill it with SIGKILL in the middle of provider calls. It delivers through the claim primitives only:
// claim due rows, reconcile in-doubt ones with the provider (when RECONCILE=1), send, settle — until
// no row is left to deliver. It prints one line per in-doubt row it settles.
import pg from 'pg';
import {
  claimDeliveries,
  renewLeases,
  restartAttempt,
  settleDelivery,
  type ClaimedDelivery,
} from '#server/db/pg/outboxClaims';

const url = process.env.PG_URL!;
const node = process.env.NODE_NAME!;
const provider = process.env.PROVIDER_URL!;
const leaseMs = Number(process.env.LEASE_MS);
const reconcile = process.env.RECONCILE === '1';
const CONCURRENCY = 8;

const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY + 1 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const inFlight = new Map<number, Promise<void>>();

async function deliver(job: ClaimedDelivery): Promise<void> {
  if (job.inDoubt && reconcile) {
    const answer = (await (await fetch(`${provider}/sent/${job.id}`)).json()) as { sent: boolean };
    console.log(`in-doubt ${job.id} ${answer.sent ? 'found' : 'not-found'}`);
    if (answer.sent) {
      await settleDelivery(pool, job.id, node, { status: 'done', attempts: job.attempts + 1 }, Date.now());
      return;
    }
    await restartAttempt(pool, job.id, node, Date.now());
  } else if (job.inDoubt) console.log(`in-doubt ${job.id} resent`);
  await fetch(`${provider}/send`, { method: 'POST', body: JSON.stringify({ id: job.id, node }) });
  if (!(await settleDelivery(pool, job.id, node, { status: 'done', attempts: job.attempts + 1 }, Date.now())))
    console.log(`lost ${job.id}`);
}

async function main(): Promise<void> {
  console.log('ready');
  // Leases of calls in flight are renewed every third of the lease, so only a dead (or long-stalled) node loses them.
  const renew = setInterval(() => {
    // An id reported as no longer held may simply have been settled a moment ago; a real loss shows as `lost`.
    renewLeases(pool, [...inFlight.keys()], node, Date.now(), leaseMs).catch((err: unknown) => console.error(err));
  }, leaseMs / 3);
  for (;;) {
    const free = CONCURRENCY - inFlight.size;
    const claimed = free > 0 ? await claimDeliveries(pool, { node, now: Date.now(), leaseMs, limit: free }) : [];
    for (const job of claimed) {
      inFlight.set(
        job.id,
        deliver(job).finally(() => inFlight.delete(job.id)),
      );
    }
    if (claimed.length > 0) continue;
    if (inFlight.size === 0) {
      const left = await pool.query<{ n: string }>(`select count(*) as n from outbox where status <> 'done'`);
      if (left.rows[0]!.n === '0') break;
    }
    await sleep(20);
  }
  clearInterval(renew);
  await pool.end();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
