import { Router } from 'express';
import { ApiChannelMessageSchema } from '#shared/schemas/apiChannel';
import { findApiKey } from '#server/services/apiKeys';
import { ingestInbound } from '#server/services/ingest';
import { parseApiMessage } from '#server/channels/api/parse';
import type { AppContext } from '#server/http/context';
import { HttpError } from '#server/errors';

/** POST /api/channels/api/messages — custom integrations feed the same ingest with an API key. */
export function apiChannelRoutes(ctx: AppContext): Router {
  const r = Router();
  r.post('/messages', (req, res) => {
    const header = req.get('authorization') ?? '';
    const secret = header.startsWith('Bearer ') ? header.slice(7).trim() : (req.get('x-api-key') ?? '');
    const key = secret ? findApiKey(ctx.deps.db, secret) : null;
    if (!key) throw new HttpError(401, 'missing or invalid API key');
    const input = parseApiMessage(key.id, ApiChannelMessageSchema.parse(req.body));
    const result = ingestInbound(ctx.deps, input, ctx.ingestHooks);
    res.status(result.status === 'stored' ? 201 : 200).json({
      status: result.status,
      messageId: result.messageId,
      threadId: result.threadId,
      customerId: result.customerId,
    });
  });
  return r;
}
