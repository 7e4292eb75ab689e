import { Router } from 'express';
import type { AppContext } from '#server/http/context';
import { lineRoutes } from './lineRoutes';
import { metaRoutes } from './metaRoutes';
import { telegramRoutes } from './telegramRoutes';
import { twilioRoutes } from './twilioRoutes';

/**
 * Provider webhooks under /webhooks. Mounted before any JSON parser: each router captures the raw
 * bytes itself (signatures are computed over them) and answers 404 while its channel is off.
 */
export function webhookRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use('/twilio', twilioRoutes(ctx));
  r.use('/meta', metaRoutes(ctx));
  r.use('/telegram', telegramRoutes(ctx));
  r.use('/line', lineRoutes(ctx));
  return r;
}
