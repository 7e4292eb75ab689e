import { Router } from 'express';
import type { AppContext } from '../context';

/** Public, unauthenticated channel assets (the web-chat widget script and its demo page). */
export function publicChannelRoutes(_ctx: AppContext): Router {
  const r = Router();
  return r;
}
