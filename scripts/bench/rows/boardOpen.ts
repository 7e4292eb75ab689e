import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { login } from '#scripts/bench/http';
import { openLoop, type Target } from '#scripts/bench/load';
import type { ChildServer } from '#scripts/bench/proc';
import { ADMIN_EMAIL, PASSWORD, startBraid } from '#scripts/bench/servers';
import { Receivers } from '#scripts/bench/sockets';
import { ms, pct, sleep, verdict } from '#scripts/bench/stats';
import { defineRow } from '#scripts/bench/types';
import type { BoardDelta, BoardSnapshot } from '#shared/schemas/liveBoard';

const RATE = 200;
/** phoneOf's range: with this many, every sequence number below it is a customer Braid never saw. */
const CUSTOMERS = 100_000;

/**
 * The waiting total a board socket has been shown (sum of `queue.waiting` over the latest tile of
 * every team), and the webhooks it accounts for, in send order.
 */
class BoardWatch {
  private readonly waiting = new Map<number | null, number>();
  private readonly sent: number[] = [];
  private base = 0;
  private seen = 0;
  readonly latencies: number[] = [];

  constructor(socket: Socket) {
    socket.on('live.board', (d: BoardDelta) => this.apply(d, performance.now()));
  }

  private total(): number {
    let sum = 0;
    for (const w of this.waiting.values()) sum += w;
    return sum;
  }

  /** Start counting from a snapshot (what the warm-up left waiting is the base). */
  reset(snapshot: BoardSnapshot): void {
    this.waiting.clear();
    this.apply(snapshot, 0);
    this.base = this.total();
    this.sent.length = 0;
    this.seen = 0;
    this.latencies.length = 0;
  }

  sending(t0: number): void {
    this.sent.push(t0);
  }

  /** Webhooks sent that no delta has accounted for yet. */
  get pending(): number {
    return this.sent.length - this.seen;
  }

  private apply(d: BoardDelta, now: number): void {
    for (const t of d.teams) this.waiting.set(t.teamId, t.queue.waiting);
    const reflected = this.total() - this.base;
    for (; this.seen < Math.min(reflected, this.sent.length); this.seen++)
      this.latencies.push(now - this.sent[this.seen]);
  }
}

/**
 * Issue 11's speed target: webhook in → board tile updated in a connected lead's browser socket. A
 * fresh Braid (own process, loopback) with one team that every new thread is routed to, a lead of
 * that team and a supervisor, both logged in through the login route, each with a real
 * socket.io-client socket: the lead's joins `board:team:N` (the issue's wording: "a connected
 * lead"), the supervisor's `board:all`. Signed WhatsApp webhooks go out open loop at 200/s, each
 * from a customer Braid has never seen (so each opens a thread waiting in the team's queue, and
 * nobody is online to take it), after a short unmeasured warm-up. Both sockets watch the same
 * webhooks; one figure each.
 *
 * Method: deltas carry whole team tiles, not which thread changed them, so each socket keeps the
 * latest `queue.waiting` of every team it is shown and their sum; when a delta raises the sum by k
 * over the base, the first k webhooks not yet accounted for (in send order) are taken as shown at
 * that delta's arrival. Each is timed from its scheduled send time (a server that falls behind shows
 * its queueing). Webhooks committed out of send order are attributed to the earlier sends, which
 * can shift single figures by one flush but not the count seen. Bounded: sending stops after the
 * run's open-loop seconds and the wait for the last deltas is the drain bound.
 */
export const boardOpen = defineRow({
  id: 'board-open',
  fixture: 'none',
  measures: [
    "open loop: webhook → board tile updated in a lead's socket (board:team:N)",
    "open loop: webhook → board tile updated in a supervisor's socket (board:all)",
  ],
  async run({ opts: o }) {
    const dir = mkdtempSync(join(tmpdir(), 'braid-bench-boardopen-'));
    let braid: ChildServer | null = null;
    let rx: Receivers | null = null;
    try {
      braid = await startBraid(join(dir, 'braid'));
      const url = braid.url;
      const admin = await login(url, ADMIN_EMAIL, PASSWORD);
      const team = await admin.post('/api/teams', { name: 'Floor' });
      if (team.status !== 201) throw new Error(`create team: HTTP ${team.status} ${team.body.slice(0, 200)}`);
      const teamId = (JSON.parse(team.body) as { id: number }).id;
      const routed = await admin.post('/api/routing', { defaultTeamId: teamId, byChannel: {} }, 'PUT');
      if (routed.status !== 200) throw new Error(`routing: HTTP ${routed.status} ${routed.body.slice(0, 200)}`);
      const person = async (email: string, role: 'lead' | 'supervisor', teamIds: number[]) => {
        const made = await admin.post('/api/agents', { email, name: email, role, password: PASSWORD, teamIds });
        if (made.status !== 201) throw new Error(`create ${role}: HTTP ${made.status} ${made.body.slice(0, 200)}`);
        return login(url, email, PASSWORD);
      };
      const lead = await person('board.lead@bench.test', 'lead', [teamId]);
      const sup = await person('board.supervisor@bench.test', 'supervisor', []);
      rx = await Receivers.connect(braid.url, [lead.cookie, sup.cookie]);
      const leadWatch = new BoardWatch(rx.sockets[0]);
      const supWatch = new BoardWatch(rx.sockets[1]);
      const t: Target = {
        name: 'braid',
        server: braid,
        webhookPath: '/webhooks/meta',
        receivers: rx,
        customers: CUSTOMERS,
        nonce: `${process.pid}.${Date.now().toString(36)}`,
        seq: { next: 1 },
        onSend: (_seq, t0) => {
          leadWatch.sending(t0);
          supWatch.sending(t0);
        },
      };
      const drainMs = o.drainSeconds * 1000;
      // Warm-up (JIT, prepared statements, first threads): not measured.
      await openLoop(t, 50, Math.min(1, o.openSeconds), drainMs);
      await sleep(300);
      for (const [who, watch] of [
        [lead, leadWatch],
        [sup, supWatch],
      ] as const) {
        const snap = await who.get('/api/live/board');
        if (snap.status !== 200) throw new Error(`board snapshot: HTTP ${snap.status}`);
        watch.reset(JSON.parse(snap.body) as BoardSnapshot);
      }
      const total = Math.max(1, Math.round(RATE * o.openSeconds));
      if (t.seq.next + total > CUSTOMERS) throw new Error('more webhooks than distinct customers');
      const load = await openLoop(t, RATE, o.openSeconds, drainMs);
      const deadline = performance.now() + drainMs;
      while ((leadWatch.pending > 0 || supWatch.pending > 0) && performance.now() < deadline) await sleep(5);
      const errors = load.errors > 0 ? `, ${load.errors} webhook errors` : '';
      const row = (who: string, lat: number[]) => {
        const p95 = pct(lat, 95);
        return {
          measure: `open loop ${RATE}/s for ${o.openSeconds} s, each a new customer: webhook → board tile (waiting) updated in ${who}`,
          braid: `p50 ${ms(pct(lat, 50))}, p95 ${ms(p95)}, p99 ${ms(pct(lat, 99))}; ${lat.length}/${total} seen${errors}`,
          note: verdict(p95 <= 50 && lat.length === total && load.errors === 0, 'p95 ≤ 50 ms'),
        };
      };
      return [
        row("a lead's socket (board:team:N)", leadWatch.latencies),
        row("a supervisor's socket (board:all)", supWatch.latencies),
      ];
    } finally {
      rx?.close();
      await braid?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
