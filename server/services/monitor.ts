import { and, desc, eq } from 'drizzle-orm';
import { agents, auditLog } from '#server/db/schema';
import { hasRole } from '#shared/schemas/common';
import type { Message } from '#shared/schemas/message';
import type { MonitorViews } from '#shared/schemas/monitor';
import type { Viewer } from '#server/domain/access';
import type { Db } from '#server/db/connection';
import { ForbiddenError } from '#server/errors';
import type { ServiceDeps } from './deps';
import { recordAudit } from './audit';
import { addNote } from './replies';
import type { ThreadRow } from '#server/db/mappers';
import { visibleThread } from './threadQueries';

/** How many monitor openings a thread shows ("viewed by"). */
const VIEWS_SHOWN = 5;

/**
 * The thread, if the viewer may monitor it: leads (threads they can see — their teams', no team,
 * their own), supervisors and admins (all). Agents never: 403 `forbidden`.
 */
export function monitoredThread(db: Db, viewer: Viewer, threadId: number): ThreadRow {
  if (!hasRole(viewer.role, 'lead')) throw new ForbiddenError('only leads, supervisors and admins can monitor');
  return visibleThread(db, viewer, threadId);
}

/**
 * Open a thread in monitor mode: recorded in the audit log (`thread.monitored`), nothing else
 * changes — no read mark, no viewer entry. Answers the latest openings, this one included.
 */
export function openMonitor(
  deps: ServiceDeps,
  actor: { viewer: Viewer; sessionHash: string | null },
  threadId: number,
): MonitorViews {
  const row = monitoredThread(deps.db, actor.viewer, threadId);
  recordAudit(
    deps.db,
    {
      actorId: actor.viewer.id,
      sessionHash: actor.sessionHash,
      action: 'thread.monitored',
      customerId: row.customerId,
      threadId: row.id,
    },
    deps.now(),
  );
  return monitorViews(deps.db, actor.viewer, threadId);
}

/**
 * The latest monitor openings of a thread, for leads, supervisors and admins. Read through the
 * audit log's customer index (one thread per customer), so it never scans the log.
 */
export function monitorViews(db: Db, viewer: Viewer, threadId: number): MonitorViews {
  const row = monitoredThread(db, viewer, threadId);
  const ofThread = and(
    eq(auditLog.customerId, row.customerId),
    eq(auditLog.action, 'thread.monitored'),
    eq(auditLog.threadId, row.id),
  );
  const views = db
    .select({ agentId: auditLog.actorId, agentName: agents.name, at: auditLog.at })
    .from(auditLog)
    .leftJoin(agents, eq(agents.id, auditLog.actorId))
    .where(ofThread)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(VIEWS_SHOWN)
    .all();
  return { views };
}

/**
 * Leave a whisper: an internal note (never sent, never a response, never in customer exports or
 * integration webhooks) marked for the agent assigned right now, who sees it highlighted.
 */
export function whisper(
  deps: ServiceDeps,
  viewer: Viewer,
  threadId: number,
  input: { text: string; clientId?: string },
): Message {
  const row = monitoredThread(deps.db, viewer, threadId);
  // Synchronous from the read to the insert, so the assignee cannot change in between.
  return addNote(deps, viewer, threadId, { ...input, meta: { whisper: true, forAgentId: row.assigneeId } });
}
