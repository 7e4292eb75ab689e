import { Router } from 'express';
import { ConversationExportQuerySchema, SearchExportQuerySchema } from '#shared/schemas/exports';
import { conversationBatches, conversationHeader, countConversations } from '#server/services/exports/conversations';
import { searchBatches, searchHeader } from '#server/services/exports/searchResults';
import { dateRange } from '#server/services/search/where';
import { authOf, requireRole } from '#server/http/authMiddleware';
import { audit } from '#server/http/audit';
import { streamCsv, whileConnected } from '#server/http/csvStream';
import type { AppContext } from '#server/http/context';

/** Streamed CSV exports for supervisors and admins (rows limited to threads they may open). */
export function exportRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;
  const supervisor = requireRole('supervisor');
  const stamp = () => new Date(now()).toISOString().slice(0, 10);

  r.get('/exports/conversations', supervisor, async (req, res) => {
    const q = ConversationExportQuerySchema.parse(req.query);
    const viewer = authOf(req).viewer;
    const connected = whileConnected(res);
    const rows = await countConversations(db, viewer, q, connected); // rejects a bad date before anything is sent
    if (connected.aborted) return;
    audit(ctx, req, { action: 'export', detail: { kind: 'conversations', ...q, rows } });
    const batches = conversationBatches(db, viewer, q);
    await streamCsv(res, `braid-conversations-${stamp()}.csv`, conversationHeader(q), batches, rows);
  });

  r.get('/exports/search', supervisor, async (req, res) => {
    const q = SearchExportQuerySchema.parse(req.query);
    dateRange(q); // reject a bad date as a 400 before the download starts
    audit(ctx, req, { action: 'export', detail: { kind: 'search', ...q } });
    const batches = searchBatches(db, authOf(req).viewer, q);
    await streamCsv(res, `braid-search-${stamp()}.csv`, searchHeader(q), batches);
  });
  return r;
}
