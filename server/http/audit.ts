import type { Request } from 'express';
import type { AppContext } from '#server/http/context';
import { recordAudit, type AuditInput } from '#server/services/audit';
import { authOf } from './authMiddleware';

/** Record an audited action by the request's agent (in their session). */
export function audit(ctx: AppContext, req: Request, e: Omit<AuditInput, 'actorId' | 'sessionHash'>): void {
  const auth = authOf(req);
  recordAudit(ctx.deps.db, { ...e, actorId: auth.agent.id, sessionHash: auth.idHash }, ctx.deps.now());
}
