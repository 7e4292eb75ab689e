import { afterEach, describe, expect, it } from 'vitest';
import { threads } from '#server/db/schema';
import { ingestInbound } from '#server/services/ingest';
import { setThreadStatus, wakeSnoozedThreads } from '#server/services/threadOps';
import { serviceDb } from '#tests/helpers/db';
import { inbound } from '#tests/factories';

const H = 3_600_000;
let world: ReturnType<typeof serviceDb>;
afterEach(() => world.t.cleanup());

describe('waking snoozed threads', () => {
  it('wakes every due thread once, in bounded calls when a budget is given', () => {
    world = serviceDb();
    const { deps, clock, publisher } = world.env;
    const ids = [0, 1, 2, 3].map(
      (i) => ingestInbound(deps, inbound('sms', `+4850010040${i}`, 'hello?')).threadId as number,
    );
    for (const [i, id] of ids.entries())
      setThreadStatus(deps, world.admin, id, 'snoozed', clock.now + (i === 3 ? 48 : 1) * H);
    clock.now += 2 * H; // three snoozes have ended, the fourth has not
    publisher.events.length = 0;

    // A zero budget still wakes one thread per call, and says whether more are due.
    expect(wakeSnoozedThreads(deps, 0)).toEqual({ woken: 1, more: true });
    expect(wakeSnoozedThreads(deps, 0)).toEqual({ woken: 1, more: true });
    expect(wakeSnoozedThreads(deps, 0)).toEqual({ woken: 1, more: false });
    expect(wakeSnoozedThreads(deps)).toEqual({ woken: 0, more: false });

    const status = new Map(
      world.t.db
        .select()
        .from(threads)
        .all()
        .map((t) => [t.id, t.status]),
    );
    expect(ids.map((id) => status.get(id))).toEqual(['open', 'open', 'open', 'snoozed']);
    const woke = publisher.events.filter((e) => e.event.type === 'thread.updated');
    expect(new Set(woke.map((e) => (e.event.type === 'thread.updated' ? e.event.thread.id : 0)))).toEqual(
      new Set(ids.slice(0, 3)),
    );
  });
});
