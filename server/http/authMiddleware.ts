import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { parse as parseCookie } from 'cookie';
import { hasRole, type Role } from '#shared/schemas/common';
import type { Db } from '#server/db/connection';
import { readSession, type SessionInfo } from '#server/services/auth';
import { SESSION_COOKIE } from './cookies';
import { HttpError } from '#server/errors';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by requireAuth for logged-in agents. */
    auth?: SessionInfo;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The session cookie's token, if any. */
export function sessionToken(req: Request): string | undefined {
  return parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
}

/**
 * Require a logged-in agent (401 otherwise). Mutations must also carry the session's CSRF
 * token in X-CSRF-Token (403 otherwise): the cookie alone never authorises a change.
 */
export function requireAuth(db: Db, now: () => number): RequestHandler {
  return (req, _res, next) => {
    const session = readSession(db, sessionToken(req), now());
    if (!session) return next(new HttpError(401, 'not logged in'));
    if (!SAFE.has(req.method)) {
      const token = req.get('x-csrf-token');
      if (!token || !safeEqual(token, session.csrfToken))
        return next(new HttpError(403, 'missing or invalid CSRF token'));
    }
    req.auth = session;
    next();
  };
}

/** Require at least the given role (403 otherwise). Use after requireAuth. */
export function requireRole(min: Role): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) return next(new HttpError(401, 'not logged in'));
    if (!hasRole(req.auth.viewer.role, min)) return next(new HttpError(403, `requires the ${min} role or higher`));
    next();
  };
}

/** The authenticated session of a request that passed requireAuth. */
export function authOf(req: Request): SessionInfo {
  if (!req.auth) throw new HttpError(401, 'not logged in');
  return req.auth;
}
