import { inArray } from 'drizzle-orm';
import { slaAlerts } from '#server/db/schema';
import { statements } from '#server/db/statements';
import { slaThresholdInstants, type SlaPolicy } from '#shared/metrics/sla';
import type { ThreadRow } from '#server/db/mappers';
import type { ServiceDeps } from './deps';
import { chunks } from './chunks';
import { threadClocks, type SlaFacts } from './sla';
import { roomsOf, summarize } from './threadQueries';
import { isUniqueViolation, transact, type Tx } from './tx';
import type { Reader } from './threadQueries';

/** One threshold crossing still to announce. */
export interface Due {
  at: number;
  episodeId: number;
  kind: 'first_response' | 'next_response' | 'resolution';
  clockStartedAt: number;
  dueAt: number;
  fraction: number;
}

/** The crossings of one episode already recorded, as alertKey strings. */
export type Fired = (episodeId: number) => Set<string>;

const alertKey = (kind: string, clockStartedAt: number, fraction: number) => `${kind}:${clockStartedAt}:${fraction}`;

/** Crossings already recorded for one episode, read with a prepared statement. */
export function firedOf(r: Reader): Fired {
  return (episodeId) =>
    new Set(
      statements(r)
        .alertsOfEpisode.all({ episodeId })
        .map((a) => alertKey(a.kind, a.clockStartedAt, a.fraction)),
    );
}

/** Crossings already recorded for many episodes, read in a few queries (start-up planning pages). */
export function firedOfMany(r: Reader, episodeIds: number[]): Fired {
  const fired = new Map<number, Set<string>>();
  for (const chunk of chunks(episodeIds)) {
    for (const a of r.select().from(slaAlerts).where(inArray(slaAlerts.episodeId, chunk)).all()) {
      fired.set(a.episodeId, (fired.get(a.episodeId) ?? new Set()).add(alertKey(a.kind, a.clockStartedAt, a.fraction)));
    }
  }
  return (ep) => fired.get(ep) ?? new Set();
}

/** The crossings of a thread's running clocks (50/75/90/100 % of each target) not yet recorded. */
export function pendingCrossings(
  r: Reader,
  row: ThreadRow,
  policies: SlaPolicy[],
  now: number,
  fired: Fired,
  facts?: SlaFacts,
): Due[] {
  const tc = threadClocks(r, row, policies, now, facts);
  if (!tc) return [];
  const done = fired(tc.episodeId);
  const out: Due[] = [];
  for (const clock of tc.clocks) {
    for (const { fraction, at } of slaThresholdInstants(clock, tc.schedule, tc.policy.businessHours)) {
      if (!done.has(alertKey(clock.kind, clock.startedAt, fraction))) {
        out.push({
          at,
          episodeId: tc.episodeId,
          kind: clock.kind,
          clockStartedAt: clock.startedAt,
          dueAt: clock.dueAt,
          fraction,
        });
      }
    }
  }
  return out;
}

/**
 * Record the crossings of one thread that are due at `now` and announce them, in one transaction:
 * every crossing gets its sla_alerts row (so a restart never fires it again), and only the most
 * severe per clock is announced (after downtime, 50/75/90 % may all be past). Returns how many alerts went out.
 */
export function fireCrossings(deps: ServiceDeps, threadId: number, policies: SlaPolicy[], now: number): number {
  return transact(deps, (tx: Tx, emit) => {
    const row = statements(tx).threadById.get({ id: threadId });
    if (!row || row.status === 'resolved') return 0;
    const crossed = pendingCrossings(tx, row, policies, now, firedOf(tx)).filter((d) => d.at <= now);
    if (crossed.length === 0) return 0;
    for (const d of crossed) {
      try {
        statements(tx).insertSlaAlert.run({
          threadId,
          episodeId: d.episodeId,
          kind: d.kind,
          clockStartedAt: d.clockStartedAt,
          fraction: d.fraction,
          dueAt: d.dueAt,
          firedAt: now,
        });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    const top = new Map<string, Due>();
    for (const d of crossed) {
      const k = `${d.kind}:${d.clockStartedAt}`;
      if (!top.has(k) || top.get(k)!.fraction < d.fraction) top.set(k, d);
    }
    for (const d of top.values()) {
      emit(
        {
          type: 'sla.alerted',
          threadId,
          kind: d.kind,
          fraction: d.fraction,
          dueAt: d.dueAt,
          state: d.fraction >= 1 ? 'breached' : 'warning',
        },
        roomsOf(row),
        threadId,
      );
    }
    emit({ type: 'thread.updated', thread: summarize(tx, row, now), reason: 'sla' }, roomsOf(row), threadId);
    return top.size;
  });
}
