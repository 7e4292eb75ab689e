import { and, eq, isNull } from 'drizzle-orm';
import { alerts } from '#server/db/schema';
import { alertStatements } from '#server/db/alertStatements';
import { ALL_BOARDS_ROOM, boardRoom, type Viewer } from '#server/domain/access';
import { decideAlerts, waitMinutes, type AlertFigures, type RuleState } from '#server/domain/teamAlerts';
import { ForbiddenError } from '#server/errors';
import { hasRole } from '#shared/schemas/common';
import type { Alert } from '#shared/schemas/alerts';
import type { z } from 'zod';
import type { AlertsQuerySchema } from '#shared/schemas/alerts';
import type { Db } from '#server/db/connection';
import type { ServiceDeps } from './deps';
import { transact } from './tx';

const HOUR_MS = 60 * 60_000;

/** Rooms a team's alerts go to: the team's leads (its board room) and supervisors and admins. */
export function alertRooms(teamId: number): string[] {
  return [boardRoom(teamId), ALL_BOARDS_ROOM];
}

/** A team's figures now: maintained tallies, a seek on the waiting index, and the last hour's two partial indexes. */
export function teamFigures(db: Db, teamId: number, now: number): AlertFigures {
  const s = alertStatements(db);
  const from = now - HOUR_MS;
  return {
    waiting_count: s.waiting.get({ team: teamId }) ?? 0,
    oldest_wait_minutes: waitMinutes(s.oldest.get({ team: teamId }) ?? null, now),
    sla_breaches_hour: s.breaches.get({ team: teamId, from }) ?? 0,
    negative_spike_hour: s.drops.get({ team: teamId, from }) ?? 0,
  };
}

function rulesOf(db: Db, teamId: number): RuleState[] {
  return alertStatements(db)
    .rules.all({ team: teamId })
    .map((r) => ({ kind: r.kind, threshold: r.threshold, enabled: r.enabled === 1 }));
}

/**
 * Compare a team's figures with its rules: fire each rule once per crossing (announced live to the
 * team's leads, supervisors and admins) and clear crossings whose figure fell back, which re-arms
 * the rule. Decided read-only first, so the common case (nothing changes) writes nothing. Returns
 * how many alerts fired.
 */
export function evaluateTeamAlerts(deps: ServiceDeps, teamId: number): number {
  const s = alertStatements(deps.db);
  const rules = rulesOf(deps.db, teamId);
  const open = () => s.openCrossings.all({ team: teamId });
  if (rules.length === 0 && open().length === 0) return 0;
  const now = deps.now();
  const first = decideAlerts(rules, open(), teamFigures(deps.db, teamId, now));
  if (first.fire.length === 0 && first.clear.length === 0) return 0;
  return transact(deps, (tx, emit) => {
    // Decide again inside the write transaction: what was read before may have changed.
    const d = decideAlerts(rulesOf(deps.db, teamId), open(), teamFigures(deps.db, teamId, now));
    for (const id of d.clear) {
      // Only a crossing still open is cleared (and announced) once.
      const done = tx
        .update(alerts)
        .set({ clearedAt: now })
        .where(and(eq(alerts.id, id), isNull(alerts.clearedAt)))
        .run();
      if (done.changes > 0) emit({ type: 'alert.cleared', alert: s.alert.get({ id })! }, alertRooms(teamId));
    }
    for (const f of d.fire) {
      const { id } = tx
        .insert(alerts)
        .values({ teamId, kind: f.kind, threshold: f.threshold, value: f.value, firedAt: now })
        .returning({ id: alerts.id })
        .get();
      emit({ type: 'alert.fired', alert: s.alert.get({ id })! }, alertRooms(teamId));
    }
    return d.fire.length;
  });
}

/** Teams a viewer's alerts come from: leads their own, supervisors and admins every team (null); agents none. */
export function alertScope(viewer: Viewer): number[] | null {
  if (!hasRole(viewer.role, 'lead')) throw new ForbiddenError('alerts are for leads, supervisors and admins');
  return hasRole(viewer.role, 'supervisor') ? null : viewer.teamIds;
}

/** GET /api/alerts: the viewer's alert history, newest first, optionally only open or acknowledged ones. */
export function listAlerts(db: Db, viewer: Viewer, q: z.output<typeof AlertsQuerySchema>): Alert[] {
  let teams = alertScope(viewer);
  if (q.teamId !== undefined) {
    if (teams !== null && !teams.includes(q.teamId)) throw new ForbiddenError('leads see alerts of their own teams');
    teams = [q.teamId];
  }
  return alertStatements(db).list.all({
    teams: teams === null ? null : JSON.stringify(teams),
    status: q.status ?? null,
    limit: q.limit,
  });
}
