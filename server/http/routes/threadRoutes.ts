import { Router } from 'express';
import { MessagePageQuerySchema, NoteRequestSchema, ReplyRequestSchema } from '#shared/schemas/message';
import {
  AssignRequestSchema,
  ConfirmRequestSchema,
  PriorityRequestSchema,
  ReadRequestSchema,
  StatusRequestSchema,
  TeamAssignRequestSchema,
  ThreadListQuerySchema,
} from '#shared/schemas/thread';
import { canSeeThread } from '#server/domain/access';
import { retryDelivery } from '#server/services/outbox';
import { addNote, replyToThread } from '#server/services/replies';
import {
  assignThread,
  changeThreadStatus,
  markRead,
  setThreadPriority,
  setThreadTeam,
} from '#server/services/threadOps';

import { getThreadDetail, listMessages, listThreads } from '#server/services/threadReads';
import { getThreadRow } from '#server/services/threadQueries';
import { authOf } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { audit } from '#server/http/audit';
import { idParam } from '#server/http/params';

/** The inbox: list, open, reply, note, assign, status, priority, read marks, delivery retry. */
export function threadRoutes(ctx: AppContext): Router {
  const r = Router();
  const { deps } = ctx;

  r.get('/threads', (req, res) => {
    res.json(listThreads(deps.db, authOf(req).viewer, ThreadListQuerySchema.parse(req.query), deps.now()));
  });
  r.get('/threads/:id', (req, res) => {
    const detail = getThreadDetail(deps.db, authOf(req).viewer, idParam(req.params.id), deps.now());
    audit(ctx, req, { action: 'customer.viewed', customerId: detail.customer.id, threadId: detail.thread.id });
    res.json(detail);
  });
  r.get('/threads/:id/messages', (req, res) => {
    res.json(
      listMessages(deps.db, authOf(req).viewer, idParam(req.params.id), MessagePageQuerySchema.parse(req.query)),
    );
  });
  r.post('/threads/:id/replies', (req, res) => {
    const { seenMessageId, confirm, ...input } = ReplyRequestSchema.parse(req.body);
    const message = replyToThread(deps, authOf(req).viewer, idParam(req.params.id), input, { seenMessageId, confirm });
    ctx.outbox.kick();
    res.status(201).json(message);
  });
  r.post('/threads/:id/notes', (req, res) => {
    res.status(201).json(addNote(deps, authOf(req).viewer, idParam(req.params.id), NoteRequestSchema.parse(req.body)));
  });
  r.post('/threads/:id/assign', (req, res) => {
    const body = AssignRequestSchema.parse(req.body);
    const thread = assignThread(deps, authOf(req).viewer, idParam(req.params.id), body.agentId, body);
    audit(ctx, req, { action: 'thread.assigned', threadId: thread.id, customerId: thread.customer.id, detail: body });
    res.json(thread);
  });
  r.post('/threads/:id/take', (req, res) => {
    const viewer = authOf(req).viewer;
    const guard = ConfirmRequestSchema.parse(req.body ?? {});
    const thread = assignThread(deps, viewer, idParam(req.params.id), viewer.id, guard);
    audit(ctx, req, {
      action: 'thread.assigned',
      threadId: thread.id,
      customerId: thread.customer.id,
      detail: { agentId: viewer.id, ...(guard.confirm ? { confirmed: true } : {}) },
    });
    res.json(thread);
  });
  r.post('/threads/:id/team', (req, res) => {
    const { teamId } = TeamAssignRequestSchema.parse(req.body);
    const thread = setThreadTeam(deps, authOf(req).viewer, idParam(req.params.id), teamId);
    audit(ctx, req, {
      action: 'thread.team_changed',
      threadId: thread.id,
      customerId: thread.customer.id,
      detail: { teamId },
    });
    res.json(thread);
  });
  r.post('/threads/:id/status', (req, res) => {
    const body = StatusRequestSchema.parse(req.body);
    res.json(
      changeThreadStatus(
        deps,
        authOf(req).viewer,
        idParam(req.params.id),
        body.status,
        body.snoozedUntil,
        () => ctx.outbox.kick(),
        body,
      ),
    );
  });
  r.post('/threads/:id/priority', (req, res) => {
    res.json(
      setThreadPriority(
        deps,
        authOf(req).viewer,
        idParam(req.params.id),
        PriorityRequestSchema.parse(req.body).priority,
      ),
    );
  });
  r.post('/threads/:id/read', (req, res) => {
    markRead(deps, authOf(req).viewer, idParam(req.params.id), ReadRequestSchema.parse(req.body).lastMessageId);
    res.json({ ok: true });
  });
  r.post('/messages/:id/retry', (req, res) => {
    const viewer = authOf(req).viewer;
    const message = retryDelivery(deps, idParam(req.params.id), (threadId) =>
      canSeeThread(viewer, getThreadRow(deps.db, threadId)),
    );
    ctx.outbox.kick();
    res.json(message);
  });
  return r;
}
