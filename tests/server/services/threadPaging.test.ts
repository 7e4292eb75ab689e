import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestInbound } from '#server/services/ingest';
import { assignThread } from '#server/services/threadOps';
import { listThreads } from '#server/services/threadReads';
import { ThreadListQuerySchema } from '#shared/schemas/thread';
import { serviceDb } from '#tests/helpers/db';
import { inbound } from '#tests/factories';

let t: ReturnType<typeof serviceDb>['t'];
let env: ReturnType<typeof serviceDb>['env'];
let admin: ReturnType<typeof serviceDb>['admin'];
beforeEach(() => ({ t, env, admin } = serviceDb()));
afterEach(() => t.cleanup());

describe('inbox keyset paging', () => {
  it('walks every sort and view page by page to the same list as one big page, ties on the key included', () => {
    // Threads in groups of three with the same instant: the sort keys tie and the id decides.
    for (let i = 0; i < 12; i++) {
      if (i % 3 === 0) env.clock.now += 60_000;
      const res = ingestInbound(env.deps, inbound('sms', `+4850020${String(i).padStart(4, '0')}`, `hi ${i}`));
      if (res.status === 'stored' && i % 4 === 1) assignThread(env.deps, admin, res.threadId, admin.id);
    }
    for (const sort of ['waiting', 'activity', 'priority'] as const)
      for (const assignee of ['any', 'unassigned', 'me'] as const) {
        const query = (extra: object) =>
          listThreads(
            t.db,
            admin,
            ThreadListQuerySchema.parse({ status: 'open', sort, assignee, ...extra }),
            env.clock.now,
          );
        const whole = query({ limit: 200 }).items.map((x) => x.id);
        const seen: number[] = [];
        let cursor: string | null = null;
        do {
          const page = query({ limit: 2, ...(cursor && { cursor }) });
          seen.push(...page.items.map((x) => x.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect({ sort, assignee, seen }).toEqual({ sort, assignee, seen: whole });
        expect(whole.length).toBe(assignee === 'any' ? 12 : assignee === 'me' ? 3 : 9);
      }
  });
});
