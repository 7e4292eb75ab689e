import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoutedEvent, ServiceDeps } from '#server/services/deps';
import { ingestInbound } from '#server/services/ingest';
import { createSlaPolicy } from '#server/services/sla';
import { SlaScheduler } from '#server/services/slaScheduler';
import { insertTestAdmin, tempDb } from '#tests/helpers/db';
import { inbound } from '#tests/factories';

const H = 3_600_000;
let t: ReturnType<typeof tempDb>;
let clock: { now: number };
let events: RoutedEvent[];
let deps: ServiceDeps;
let sla: SlaScheduler | null = null;

beforeEach(() => {
  t = tempDb();
  clock = { now: Date.UTC(2026, 10, 16, 9, 0, 0) };
  events = [];
  deps = {
    db: t.db,
    now: () => clock.now,
    presence: { onlineAgentIds: () => [] },
    publisher: { publish: (e) => void events.push(...e) },
  };
  insertTestAdmin(t.db);
  createSlaPolicy(
    t.db,
    { name: 'Fast', match: {}, firstResponseMs: H, nextResponseMs: null, resolutionMs: null, businessHours: false },
    0,
  );
});
afterEach(() => {
  sla?.stop();
  t.cleanup();
});

const breaches = () =>
  events.filter((e) => e.event.type === 'sla.alerted' && e.event.state === 'breached').map((e) => e.event);

describe('start-up catch-up', () => {
  it('plans after start returns and fires missed breaches in bounded ticks, each once', async () => {
    const customers = 6;
    for (let i = 0; i < customers; i++) ingestInbound(deps, inbound('sms', `+4850010020${i}`, 'hello?'));
    // Braid was down for a day: every first-response target has passed.
    clock.now += 24 * H;
    sla = new SlaScheduler(deps, 60_000, 0); // a zero budget: one thread per tick
    sla.start();
    expect(breaches()).toHaveLength(0); // start() only schedules the work: the server can answer first

    await new Promise((r) => setImmediate(r)); // one planning step (all six fit in a batch), then a first tick
    expect(breaches()).toHaveLength(1);
    await vi.waitFor(() => expect(breaches()).toHaveLength(customers), { timeout: 5_000, interval: 5 });
    expect(new Set(breaches().map((e) => (e.type === 'sla.alerted' ? e.threadId : 0))).size).toBe(customers);

    // A restart afterwards has nothing left to fire.
    sla.stop();
    sla = new SlaScheduler(deps, 60_000, 0);
    sla.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(breaches()).toHaveLength(customers);
  });

  it('stop() ends planning that is still spread over the event loop', async () => {
    ingestInbound(deps, inbound('sms', '+48500100300', 'hello?'));
    clock.now += 24 * H;
    sla = new SlaScheduler(deps, 60_000, 0);
    sla.start();
    sla.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(breaches()).toHaveLength(0);
  });
});
