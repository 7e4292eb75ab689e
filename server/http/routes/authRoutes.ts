import { Router } from 'express';
import { eq } from 'drizzle-orm';
import {
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  UpdateMeRequestSchema,
  type MeResponse,
} from '#shared/schemas/agent';
import { agents } from '#server/db/schema';
import { getAgent } from '#server/services/agents';
import { changePassword, checkCredentials, createSession, deleteSession, readSession } from '#server/services/auth';
import { authOf, requireAuth, sessionToken } from '#server/http/authMiddleware';
import { SESSION_COOKIE, sessionCookieOptions } from '#server/http/cookies';
import type { AppContext } from '#server/http/context';
import { HttpError } from '#server/errors';
import { FallbackFailures, LoginThrottle, MemoryFailures, RedisFailures } from '#server/http/loginThrottle';

/** Login, logout, who-am-I and password change. */
export function authRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;
  const ttl = ctx.config.SESSION_TTL_HOURS * 3_600_000;
  const secure =
    ctx.config.COOKIE_SECURE === '1' ||
    (ctx.config.COOKIE_SECURE === undefined && !!ctx.config.PUBLIC_URL?.startsWith('https:'));
  const presenceOf = (id: number) => ctx.realtime.presence.of(id);
  const failures = ctx.redis ? new FallbackFailures(new RedisFailures(ctx.redis)) : new MemoryFailures();
  const throttle = new LoginThrottle(ctx.config.LOGIN_RATE_LIMIT, now, failures);

  r.post('/login', async (req, res) => {
    if (!req.is('application/json')) throw new HttpError(415, 'send the login as application/json');
    const body = LoginRequestSchema.parse(req.body);
    const email = body.email.trim().toLowerCase();
    const ip = req.ip ?? req.socket.remoteAddress ?? '?';
    const gate = await throttle.gate(email, ip);
    if ('refuseForMs' in gate) {
      res.set('Retry-After', String(Math.ceil(gate.refuseForMs / 1000)));
      throw new HttpError(429, 'too many failed logins for this account; try again shortly');
    }
    if (gate.delayMs > 0) await new Promise((r) => setTimeout(r, gate.delayMs));
    const agent = await checkCredentials(db, body.email, body.password);
    if (!agent) {
      await throttle.failed(email, ip);
      throw new HttpError(401, 'wrong email or password');
    }
    await throttle.succeeded(email, ip);
    const old = sessionToken(req);
    const prev = old ? readSession(db, old, now()) : null;
    if (prev) deleteSession(db, prev.idHash);
    const s = createSession(db, agent.id, now(), ttl);
    res.cookie(SESSION_COOKIE, s.token, sessionCookieOptions(secure, ttl));
    const me: MeResponse = { agent: getAgent(db, agent.id, presenceOf), csrfToken: s.csrfToken };
    res.json(me);
  });

  r.post('/logout', requireAuth(db, now), (req, res) => {
    const auth = authOf(req);
    deleteSession(db, auth.idHash);
    ctx.realtime.disconnectSessions([auth.idHash]);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.json({ ok: true });
  });

  r.get('/me', requireAuth(db, now), (req, res) => {
    const auth = authOf(req);
    const me: MeResponse = { agent: getAgent(db, auth.agent.id, presenceOf), csrfToken: auth.csrfToken };
    res.json(me);
  });

  r.patch('/me', requireAuth(db, now), (req, res) => {
    const auth = authOf(req);
    const patch = UpdateMeRequestSchema.parse(req.body);
    if (Object.keys(patch).length > 0) db.update(agents).set(patch).where(eq(agents.id, auth.agent.id)).run();
    res.json({ agent: getAgent(db, auth.agent.id, presenceOf), csrfToken: auth.csrfToken } satisfies MeResponse);
  });

  r.post('/password', requireAuth(db, now), async (req, res) => {
    const auth = authOf(req);
    const body = ChangePasswordRequestSchema.parse(req.body);
    const ok = await checkCredentials(db, auth.agent.email, body.currentPassword);
    if (!ok) throw new HttpError(403, 'current password is wrong');
    const revoked = await changePassword(db, auth.agent.id, auth.idHash, body.newPassword, now());
    ctx.realtime.disconnectSessions(revoked);
    res.json({ ok: true, revokedSessions: revoked.length });
  });

  return r;
}
