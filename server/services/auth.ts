import { randomBytes } from 'node:crypto';
import { sha256Hex } from '#server/domain/hash';
import { and, eq, ne } from 'drizzle-orm';
import { hash, verify } from '@node-rs/argon2';
import { statements } from '#server/db/statements';
import { agents, sessions } from '#server/db/schema';
import type { AgentRow } from '#server/db/mappers';
import type { Db } from '#server/db/connection';
import type { Viewer } from '#server/domain/access';

/** Hash a password with argon2id (library defaults follow OWASP guidance). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A fixed hash to verify against when the email is unknown, so timing does not reveal accounts.
let dummyHash: Promise<string> | null = null;

/** Check email + password; returns the agent or null (same work either way). */
export async function checkCredentials(db: Db, email: string, password: string): Promise<AgentRow | null> {
  const agent = db.select().from(agents).where(eq(agents.email, email)).get();
  if (!agent || !agent.active) {
    dummyHash ??= hash('not-a-real-password');
    await verify(await dummyHash, password).catch(() => false);
    return null;
  }
  const ok = await verify(agent.passwordHash, password).catch(() => false);
  return ok ? agent : null;
}

/** A new login session: the cookie token (never stored) and its CSRF token. */
export interface NewSession {
  token: string;
  csrfToken: string;
  idHash: string;
  expiresAt: number;
}

/** Create a server-side session for an agent. */
export function createSession(db: Db, agentId: number, now: number, ttlMs: number): NewSession {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const idHash = sha256Hex(token);
  const expiresAt = now + ttlMs;
  db.insert(sessions).values({ idHash, agentId, csrfToken, createdAt: now, expiresAt }).run();
  return { token, csrfToken, idHash, expiresAt };
}

/** The agent behind a session cookie, if the session is live. */
export interface SessionInfo {
  viewer: Viewer;
  agent: AgentRow;
  csrfToken: string;
  idHash: string;
}

/** Look up a session token; null when unknown, expired or the agent is deactivated. */
export function readSession(db: Db, token: string | undefined, now: number): SessionInfo | null {
  if (!token || token.length > 100) return null;
  const idHash = sha256Hex(token);
  const row = statements(db).session.get({ idHash, now });
  if (!row || !row.a.active) return null;
  return { viewer: viewerOf(db, row.a), agent: row.a, csrfToken: row.s.csrfToken, idHash };
}

/** Build the access-check view of an agent (role + team ids). */
export function viewerOf(db: Db, agent: Pick<AgentRow, 'id' | 'role'>): Viewer {
  const teamIds = statements(db)
    .teamIdsOfAgent.all({ agentId: agent.id })
    .map((r) => r.t);
  return { id: agent.id, role: agent.role, teamIds };
}

/** End one session. */
export function deleteSession(db: Db, idHash: string): void {
  db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
}

/** Change a password and revoke every other session of that agent; returns the revoked session hashes. */
export async function changePassword(
  db: Db,
  agentId: number,
  keepSession: string | null,
  newPassword: string,
  now: number,
): Promise<string[]> {
  const passwordHash = await hashPassword(newPassword);
  return db.transaction((tx) => {
    tx.update(agents).set({ passwordHash, passwordChangedAt: now }).where(eq(agents.id, agentId)).run();
    const cond = keepSession
      ? and(eq(sessions.agentId, agentId), ne(sessions.idHash, keepSession))
      : eq(sessions.agentId, agentId);
    const revoked = tx
      .select({ h: sessions.idHash })
      .from(sessions)
      .where(cond)
      .all()
      .map((r) => r.h);
    tx.delete(sessions).where(cond).run();
    return revoked;
  });
}

/** The agent's current viewer (role and teams re-read) after an admin changed them; null when deactivated or gone. */
export function freshViewer(db: Db, agentId: number): Viewer | null {
  const row = db.select({ role: agents.role, active: agents.active }).from(agents).where(eq(agents.id, agentId)).get();
  return row?.active ? viewerOf(db, { id: agentId, role: row.role }) : null;
}
