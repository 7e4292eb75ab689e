import { keepAlive, send, type Answer } from './http';
import { cpuMs, type ChildServer } from './proc';
import type { Receivers } from './sockets';
import { pct, sleep } from './stats';
import { metaWebhook } from './webhook';

/** One server under load: where its signed webhook goes and the agent sockets it must reach. */
export interface Target {
  name: 'raw' | 'braid';
  server: ChildServer;
  webhookPath: string;
  receivers: Receivers;
  /** Distinct customers the webhooks come from (threads re-used, like real traffic). */
  customers: number;
  /** Unique per bench process, so provider message ids never repeat across runs. */
  nonce: string;
  /** Next message sequence number (shared by every run against this target). */
  seq: { next: number };
  /** Told of every webhook as it goes out (sequence number, send time) — for rows timing other effects. */
  onSend?: (seq: number, t0: number) => void;
}

/** What one load run measured, sender side and socket side. */
export interface LoadResult {
  sent: number;
  /** Non-2xx answers and transport errors. */
  errors: number;
  /** Messages delivered to every socket per second, first send → last delivery. */
  rate: number;
  p50: number;
  p99: number;
  /** Messages that had not reached every socket when the drain bound ran out. */
  missing: number;
  /** Server CPU (user + system) per delivered message, ms. */
  cpuPerMessage: number;
}

function post(t: Target, seq: number, agent: ReturnType<typeof keepAlive>, timeoutMs: number): Promise<Answer> {
  const { body, headers } = metaWebhook(seq, t.customers, t.nonce);
  return send(`${t.server.url}${t.webhookPath}`, { method: 'POST', headers, body, agent, timeoutMs });
}

async function finish(t: Target, start: number, cpu0: number, sent: number, errors: number, drainMs: number) {
  const d = await t.receivers.drain(drainMs);
  const end = d.lastAt > 0 ? d.lastAt : performance.now();
  const delivered = d.latencies.length;
  return {
    sent,
    errors,
    rate: delivered / ((end - start) / 1000),
    p50: pct(d.latencies, 50),
    p99: pct(d.latencies, 99),
    missing: d.missing,
    cpuPerMessage: (cpuMs(t.server.pid) - cpu0) / Math.max(1, delivered),
  } satisfies LoadResult;
}

/**
 * Closed loop: `senders` concurrent senders, each posting its next webhook as soon as the previous
 * one was answered, for `seconds`; then wait (bounded) until every message reached every socket.
 */
export async function closedLoop(t: Target, senders: number, seconds: number, drainMs: number): Promise<LoadResult> {
  const agent = keepAlive(senders);
  let sent = 0;
  let errors = 0;
  const cpu0 = cpuMs(t.server.pid);
  const start = performance.now();
  const stopAt = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (performance.now() < stopAt) {
        const seq = t.seq.next++;
        t.receivers.expect(seq, performance.now());
        sent++;
        const res = await post(t, seq, agent, drainMs);
        if (res.status < 200 || res.status > 299) errors++;
      }
    }),
  );
  const out = await finish(t, start, cpu0, sent, errors, drainMs);
  agent.destroy();
  return out;
}

/**
 * Open loop: webhooks at a fixed `rate` for `seconds`, each timed from its scheduled send time
 * (so a server that falls behind shows its queueing delay), then a bounded drain.
 */
export async function openLoop(t: Target, rate: number, seconds: number, drainMs: number): Promise<LoadResult> {
  const agent = keepAlive(256);
  const total = Math.max(1, Math.round(rate * seconds));
  const inflight: Promise<void>[] = [];
  let errors = 0;
  const cpu0 = cpuMs(t.server.pid);
  const start = performance.now();
  for (let i = 0; i < total;) {
    const now = performance.now();
    while (i < total && start + (i * 1000) / rate <= now) {
      const seq = t.seq.next++;
      t.receivers.expect(seq, start + (i * 1000) / rate);
      t.onSend?.(seq, start + (i * 1000) / rate);
      inflight.push(
        post(t, seq, agent, drainMs).then((res) => {
          if (res.status < 200 || res.status > 299) errors++;
        }),
      );
      i++;
    }
    await sleep(1);
  }
  await Promise.all(inflight);
  const out = await finish(t, start, cpu0, total, errors, drainMs);
  agent.destroy();
  return out;
}
