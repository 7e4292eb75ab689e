import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeAlert } from '#server/services/alertAck';
import { alertRooms } from '#server/services/teamAlerts';
import { readAlertRules, writeAlertRules } from '#server/services/teamAlertRules';
import { ConflictError, ForbiddenError, NotFoundError } from '#server/errors';
import { isUniqueViolation } from '#server/services/tx';
import type { Actor } from '#server/services/liveAssign';
import { ENGINES, openEngine, type EngineFixture } from '#tests/helpers/engines';

// The first vertical slice on the engine-neutral path (team alert rules, acknowledging an alert),
// run with the same assertions on SQLite and on PostgreSQL.

describe.each(ENGINES)('alert rules and acknowledgement on %s', (kind) => {
  let e: EngineFixture;
  let teamA: number;
  let teamB: number;
  let lead: Actor;
  let admin: Actor;
  let agent: Actor;
  const id = async (sql: string, p: Record<string, unknown> = {}) => (await e.one<{ id: number }>(sql, p))!.id;
  const count = async (sql: string, p: Record<string, unknown> = {}) => (await e.one<{ n: number }>(sql, p))!.n;
  const newAlert = (team: number) =>
    id(
      `insert into alerts (team_id, kind, threshold, value, fired_at, cleared_at) values (:team, 'waiting_count', 5, 9, 1, 2) returning id`,
      { team },
    );

  beforeAll(async () => {
    e = await openEngine(kind);
    teamA = await id(`insert into teams (name, created_at) values ('A', 1) returning id`);
    teamB = await id(`insert into teams (name, created_at) values ('B', 1) returning id`);
    const person = async (email: string, role: string) =>
      id(
        `insert into agents (email, name, password_hash, role, password_changed_at, created_at)
         values (:email, :email, 'x', :role, 1, 1) returning id`,
        { email, role },
      );
    lead = { viewer: { id: await person('lead@x', 'lead'), role: 'lead', teamIds: [teamA] }, sessionHash: 's1' };
    admin = { viewer: { id: await person('admin@x', 'admin'), role: 'admin', teamIds: [] }, sessionHash: null };
    agent = { viewer: { id: await person('agent@x', 'agent'), role: 'agent', teamIds: [teamA] }, sessionHash: null };
  });
  afterAll(() => e?.close());

  it('replaces a team rule set, reads it back and audits the change', async () => {
    const first = await writeAlertRules(e.a, lead, teamA, {
      rules: [
        { kind: 'waiting_count', threshold: 10, enabled: true },
        { kind: 'sla_breaches_hour', threshold: 2, enabled: false },
      ],
    });
    expect(first.rules).toEqual([
      { kind: 'sla_breaches_hour', threshold: 2, enabled: false },
      { kind: 'waiting_count', threshold: 10, enabled: true },
    ]);
    // Kinds left out are removed; the other node reads what this one committed.
    await writeAlertRules(e.a, lead, teamA, { rules: [{ kind: 'waiting_count', threshold: 12, enabled: true }] });
    expect(await readAlertRules(e.b, admin.viewer, teamA)).toEqual({
      rules: [{ kind: 'waiting_count', threshold: 12, enabled: true }],
    });
    const audit = await e.one<{ n: number; detail: string }>(
      `select count(*) as n, max(detail) as detail from audit_log where action = 'team.alert_rules_changed' and actor_id = :a`,
      { a: lead.viewer.id },
    );
    expect(audit!.n).toBe(2);
    expect(JSON.parse(audit!.detail)).toMatchObject({ teamId: teamA });
  });

  it('refuses agents, leads of other teams and unknown teams', async () => {
    await expect(readAlertRules(e.a, agent.viewer, teamA)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(writeAlertRules(e.a, lead, teamB, { rules: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(readAlertRules(e.a, admin.viewer, 9_999)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rolls the whole rule set back when one write fails (nothing deleted, nothing audited)', async () => {
    const before = await readAlertRules(e.a, admin.viewer, teamA);
    const audits = await count(`select count(*) as n from audit_log`);
    const twice = { kind: 'oldest_wait_minutes', threshold: 1, enabled: true } as const;
    const err = await writeAlertRules(e.a, admin, teamA, { rules: [twice, twice] }).catch((x: unknown) => x);
    expect(isUniqueViolation(err)).toBe(true);
    expect(await readAlertRules(e.a, admin.viewer, teamA)).toEqual(before);
    expect(await count(`select count(*) as n from audit_log`)).toBe(audits);
  });

  it('acknowledges an alert once: logged, audited, published after commit with its seq', async () => {
    const alertId = await newAlert(teamA);
    const seen = e.published.length;
    const acked = await acknowledgeAlert(e.a, lead, alertId);
    expect(acked).toMatchObject({ id: alertId, teamId: teamA, teamName: 'A', ackedAt: 1_700_000_000_000 });
    expect(acked.ackedById).toBe(lead.viewer.id);
    const out = e.published.slice(seen);
    expect(out).toHaveLength(1);
    const logged = await e.one<{ seq: number; payload: string }>(`select seq, payload from events order by seq desc`);
    expect(out[0]!.event).toEqual({ type: 'alert.acknowledged', alert: acked, seq: logged!.seq });
    expect(JSON.parse(logged!.payload)).toEqual({ type: 'alert.acknowledged', alert: acked });
    expect(out[0]!.rooms).toEqual(alertRooms(teamA));
    await expect(acknowledgeAlert(e.a, admin, alertId)).rejects.toBeInstanceOf(ConflictError);
    expect(e.published).toHaveLength(seen + 1);
    expect(await count(`select count(*) as n from audit_log where action = 'alert.acknowledged'`)).toBe(1);
  });

  it('hides other teams’ alerts from a lead', async () => {
    const alertId = await newAlert(teamB);
    await expect(acknowledgeAlert(e.a, lead, alertId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('two nodes acknowledging the same alerts at once: each alert acknowledged, audited and announced once', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => newAlert(teamA)));
    const seen = e.published.length;
    const audits = await count(`select count(*) as n from audit_log where action = 'alert.acknowledged'`);
    const outcomes = await Promise.allSettled(
      ids.flatMap((a) => [acknowledgeAlert(e.a, lead, a), acknowledgeAlert(e.b, admin, a)]),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof ConflictError);
    expect([ok.length, refused.length]).toEqual([20, 20]);
    const announced = e.published
      .slice(seen)
      .map((r) => (r.event.type === 'alert.acknowledged' ? r.event.alert.id : 0));
    expect(announced.sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
    expect(await count(`select count(*) as n from audit_log where action = 'alert.acknowledged'`)).toBe(audits + 20);
  });
});
