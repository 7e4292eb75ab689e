import { Router } from 'express';
import type { AppContext } from './context';
import { requireRole } from './authMiddleware';

/**
 * What a route module of the admin screens starts from: a fresh router, the database and clock of
 * the context, and the admin guard for the routes only admins may call.
 */
export function routeModule(ctx: AppContext) {
  return { r: Router(), db: ctx.deps.db, now: ctx.deps.now, admin: requireRole('admin') };
}
