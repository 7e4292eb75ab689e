import { alertById } from '#server/db/alertStatements';
import { get, run, statement, type Q } from '#server/db/engine/statement';
import { ConflictError, NotFoundError } from '#server/errors';
import type { Alert } from '#shared/schemas/alerts';
import { recordAuditQ } from './audit';
import { transactQ, type EngineDeps } from './engine';
import type { Actor } from './liveAssign';
import { alertRooms, alertScope } from './teamAlerts';
import type { EmitFn } from './tx';

// Acknowledging a team alert: the first service on the engine-neutral path with an event
// (docs/engine-port.md), so it runs the same on SQLite and PostgreSQL.

const ackAlert = statement<{ id: number; now: number; agent: number }>(
  'alerts.ack',
  `update alerts set acked_at = :now, acked_by = :agent where id = :id and acked_at is null`,
);

function* acknowledge(actor: Actor, id: number, teams: number[] | null, now: number, emit: EmitFn): Q<Alert> {
  const row = yield* get(alertById, { id });
  if (!row || (teams !== null && !teams.includes(row.teamId))) throw new NotFoundError(`alert ${id} not found`);
  const taken = () => new ConflictError(`alert ${id} was already acknowledged by ${row.ackedByName}`);
  if (row.ackedAt !== null) throw taken();
  // The write decides, not the read: on PostgreSQL two nodes can both read "not acknowledged"; the
  // second UPDATE waits for the first's commit, re-checks `acked_at is null` and changes nothing.
  if ((yield* run(ackAlert, { id, now, agent: actor.viewer.id })).changes === 0) {
    const again = yield* get(alertById, { id });
    throw new ConflictError(`alert ${id} was already acknowledged by ${again?.ackedByName ?? 'someone'}`);
  }
  yield* recordAuditQ(
    {
      actorId: actor.viewer.id,
      sessionHash: actor.sessionHash,
      action: 'alert.acknowledged',
      detail: { alertId: id, teamId: row.teamId, kind: row.kind },
    },
    now,
  );
  const alert = (yield* get(alertById, { id }))!;
  emit({ type: 'alert.acknowledged', alert }, alertRooms(row.teamId));
  return alert;
}

/** POST /api/alerts/:id/ack: record who acknowledged the alert and when (audited, announced live), on either engine. */
export function acknowledgeAlert(d: EngineDeps, actor: Actor, id: number): Promise<Alert> {
  const teams = alertScope(actor.viewer);
  return transactQ(d, (emit) => acknowledge(actor, id, teams, d.now(), emit));
}
