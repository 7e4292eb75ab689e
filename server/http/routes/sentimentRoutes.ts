import { Router } from 'express';
import { SentimentCorrectionRequestSchema } from '#shared/schemas/sentiment';
import { correctSentiment, listSentimentCorrections } from '#server/services/sentimentCorrections';
import { authOf } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { idParam } from '#server/http/params';

/** Agents correct a message's sentiment mark; supervisors review the corrections. */
export function sentimentRoutes(ctx: AppContext): Router {
  const r = Router();
  const { deps } = ctx;
  r.post('/messages/:id/sentiment', (req, res) => {
    const { label } = SentimentCorrectionRequestSchema.parse(req.body);
    res.json(correctSentiment(deps, authOf(req).viewer, idParam(req.params.id), label));
  });
  r.get('/sentiment/corrections', (req, res) => {
    res.json(listSentimentCorrections(deps, authOf(req).viewer));
  });
  return r;
}
