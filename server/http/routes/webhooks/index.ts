import { Router } from 'express';
import type { AppContext } from '../../context';

/** Provider webhooks under /webhooks; each provider's router is mounted here. */
export function webhookRoutes(_ctx: AppContext): Router {
  const r = Router();
  return r;
}
